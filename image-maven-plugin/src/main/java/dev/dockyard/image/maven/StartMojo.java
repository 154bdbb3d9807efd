package dev.dockyard.image.maven;

import static dev.dockyard.image.maven.ImageParameters.*;

import dev.dockyard.image.engine.Engine;
import dev.dockyard.image.engine.EngineException;
import dev.dockyard.image.stack.ServiceSpec;
import dev.dockyard.image.stack.StackException;
import dev.dockyard.image.stack.StackPlan;
import dev.dockyard.image.stack.StackRunner;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Starts the reactor's services (or the ones {@code image.start.services} names, with what they depend on) for the
 * integration tests: on a network of their own, each reachable by its artifactId, in dependency order, each healthy
 * before the services that depend on it start. Sets, for failsafe, {@code image.<artifactId>.host},
 * {@code image.<artifactId>.port} (the host port of its main port), {@code image.<artifactId>.port.<containerPort>}
 * for each port, {@code image.stack.run} and {@code image.stack.network}. Removes everything it started when a
 * service fails, and what an earlier start of this module left. {@code image:stop} removes the stack.
 *
 * @since 0.2.0
 */
@Mojo(name = "start", defaultPhase = LifecyclePhase.PRE_INTEGRATION_TEST, threadSafe = true)
public class StartMojo extends AbstractStackMojo {

    /**
     * How long the Docker engine may stay silent during one request (a build step with no output, a large push)
     * before the goal fails naming the engine's address; the first answer is awaited for at most 30s (or this,
     * when shorter). A duration: {@code 90s}, {@code 10m}, {@code 1h}.
     *
     * @since 0.3.0
     */
    @Parameter(property = ENGINE_TIMEOUT, defaultValue = ENGINE_TIMEOUT_DEFAULT)
    private String engineTimeout;

    /**
     * Skips {@code image:start} (and so the stack's integration tests).
     *
     * @since 0.2.0
     */
    @Parameter(property = START_SKIP, defaultValue = START_SKIP_DEFAULT)
    private String startSkip;

    /**
     * Services (artifactIds) to start, each with the services it depends on; empty for every service of the
     * reactor.
     *
     * @since 0.2.0
     */
    @Parameter(property = START_SERVICES)
    private List<String> services = new ArrayList<>();

    /**
     * Publish each port on the same host port; {@code false} (the default) lets the engine pick free ones, which
     * the {@code image.<artifactId>.port} properties carry.
     *
     * @since 0.2.0
     */
    @Parameter(property = START_HOST_PORTS, defaultValue = START_HOST_PORTS_DEFAULT)
    private String hostPorts;

    /**
     * How long each service may take to be reported healthy. Extended, with a log line, to the image's start
     * period + interval + timeout when those are longer.
     *
     * @since 0.1.0
     */
    @Parameter(property = HEALTH_TIMEOUT, defaultValue = HEALTH_TIMEOUT_DEFAULT)
    private String healthTimeout;

    /**
     * Container log lines printed when a service fails to start.
     *
     * @since 0.1.0
     */
    @Parameter(property = LOG_LINES, defaultValue = LOG_LINES_DEFAULT)
    private String logLines;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skipped("start", flag(startSkip, "startSkip"), START_SKIP)) {
            return;
        }
        List<String> problems = new ArrayList<>();
        Duration timeout = duration("healthTimeout", healthTimeout, problems);
        failOn(problems);
        StackPlan plan;
        try {
            plan = StackPlan.of(services());
            List<String> named = services == null
                    ? List.of()
                    : services.stream()
                            .filter(s -> s != null && !s.isBlank())
                            .map(String::strip)
                            .toList();
            if (!named.isEmpty()) {
                plan = plan.only(named);
            }
        } catch (StackException e) {
            throw failure(e);
        }
        if (plan.services().isEmpty()) {
            throw new MojoFailureException("image:start: no module of this build runs image:build, so the stack has no"
                    + " service to start: bind image:build in the services' POMs (or their parent), or name it on the"
                    + " command line before image:start (mvn verify image:build image:start); a module with"
                    + " image.skip=true or a packaging that gets no image is not a service");
        }
        // the stack is checked in every module (a cycle fails at once), and started in one
        if (notTheStacksModule("start")) {
            return;
        }
        String stack = stackKey();
        String runId = stack + "-" + UUID.randomUUID().toString().substring(0, 8);
        StackRunner.StartRequest request = new StackRunner.StartRequest(
                plan,
                stack,
                project.getBasedir().getAbsolutePath(),
                runId,
                flag(hostPorts, "hostPorts"),
                hardening(),
                timeout,
                Duration.ofSeconds(10),
                number(logLines, "logLines", 1, 10_000));
        List<StackRunner.Started> started;
        try (Engine engine = connect(engineTimeout)) {
            started = new StackRunner(engine, engineLog(), reconnect(engine)).start(request);
        } catch (StackException e) {
            throw failure(e);
        } catch (EngineException e) {
            rethrow(e);
            return;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MojoExecutionException(
                    "Interrupted while starting the stack (run " + runId + "); the next" + " image:start of "
                            + project.getArtifactId() + " removes what is left",
                    e);
        }
        for (StackRunner.Started service : started) {
            ServiceSpec spec = plan.service(service.name());
            String prefix = "image." + service.name() + ".";
            project.getProperties().setProperty(prefix + "host", service.host());
            List<String> set = new ArrayList<>(List.of(prefix + "host=" + service.host()));
            if (service.mainHostPort(spec) > 0) {
                project.getProperties().setProperty(prefix + "port", Integer.toString(service.mainHostPort(spec)));
                set.add(prefix + "port=" + service.mainHostPort(spec));
            }
            for (Map.Entry<Integer, Integer> port : service.ports().entrySet()) {
                project.getProperties()
                        .setProperty(
                                prefix + "port." + port.getKey(),
                                port.getValue().toString());
                set.add(prefix + "port." + port.getKey() + "=" + port.getValue());
            }
            getLog().info("Set " + String.join(", ", set));
        }
        project.getProperties().setProperty("image.stack.run", runId);
        project.getProperties().setProperty("image.stack.network", request.network());
        getLog().info("image:start: " + started.size() + " service" + (started.size() == 1 ? "" : "s")
                + " healthy; image:stop removes them");
    }
}
