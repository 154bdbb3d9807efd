package dev.dockyard.image.stack;

import static dev.dockyard.image.support.CoreException.mention;

import dev.dockyard.image.engine.ContainerSpec;
import dev.dockyard.image.engine.Engine;
import dev.dockyard.image.engine.EngineException;
import dev.dockyard.image.engine.EngineLog;
import dev.dockyard.image.engine.HealthOutcome;
import dev.dockyard.image.engine.HttpGet;
import dev.dockyard.image.engine.Leftovers;
import dev.dockyard.image.engine.ReadinessProbe;
import dev.dockyard.image.engine.Reconnect;
import dev.dockyard.image.engine.RunningContainer;
import dev.dockyard.image.model.HealthCheckConfig;
import dev.dockyard.image.support.ByteSize;
import dev.dockyard.image.support.DurationText;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import java.util.TreeMap;

/**
 * Starts a stack on an engine and stops it. Start: removes what an earlier start of the same project left, creates
 * a network for the run, then starts the services in dependency order, each reachable by its name, each healthy
 * before the services that depend on it start. Any failure removes every container and the network of the run,
 * after printing the failing service's last log lines. Stop removes them too.
 */
public final class StackRunner {

    /** Label on the containers and networks of a stack; its value names the project that started it. */
    public static final String STACK_LABEL = "dev.dockyard.stack";

    /** Label on the containers of a stack: the service. */
    public static final String SERVICE_LABEL = "dev.dockyard.service";

    private final Engine engine;
    private final EngineLog log;
    private final Reconnect reconnect;

    public StackRunner(Engine engine, EngineLog log) {
        this(engine, log, () -> engine);
    }

    /**
     * @param reconnect how the shutdown hook of an interrupted start reaches the engine (the build's connection is
     *     being torn down with the JVM)
     */
    public StackRunner(Engine engine, EngineLog log, Reconnect reconnect) {
        this.engine = engine;
        this.log = log;
        this.reconnect = reconnect;
    }

    /**
     * What to start.
     *
     * @param plan          the services (and their dependencies)
     * @param stack         identifies the project that starts it: what a later start or stop cleans up
     * @param project       the directory of the module that starts it ({@value Engine#PROJECT_LABEL} label)
     * @param runId         identifies this run ({@value Engine#RUN_LABEL} label); the network is named after it
     * @param sameHostPorts publish each port on the same host port instead of a random one
     * @param hardening     the restrictions ({@link Hardening#restart()} does not apply)
     * @param healthTimeout wait for healthy (extended as {@link HealthCheckConfig#waitFor} says)
     * @param stopTimeout   time a service has to stop on SIGTERM
     * @param logLines      log lines printed of a service that fails
     */
    public record StartRequest(
            StackPlan plan,
            String stack,
            String project,
            String runId,
            boolean sameHostPorts,
            Hardening hardening,
            Duration healthTimeout,
            Duration stopTimeout,
            int logLines) {

        public String network() {
            return "dockyard-" + runId;
        }
    }

    /**
     * A started service.
     *
     * @param name   its service name
     * @param host   host name its published ports are reached on
     * @param ports  container port → host port
     */
    public record Started(String name, String host, Map<Integer, Integer> ports) {

        /** The host port of the main port, or -1. */
        public int mainHostPort(ServiceSpec spec) {
            return ports.getOrDefault(spec.mainPort(), -1);
        }
    }

    /**
     * Starts the plan's services.
     *
     * @return the started services, in start order
     * @throws StackException a service could not be started or did not become healthy (nothing is left running)
     */
    public List<Started> start(StartRequest request) throws StackException, EngineException, InterruptedException {
        cleanUp(request.stack(), "left by an earlier start of " + request.stack());
        List<ServiceSpec> order = request.plan().startOrder();
        log.info("Starting " + order.size() + " service" + (order.size() == 1 ? "" : "s") + " in dependency order on"
                + " network " + request.network() + " (label " + Engine.RUN_LABEL + "=" + request.runId() + "): "
                + String.join(", ", order.stream().map(ServiceSpec::name).toList()));
        Map<String, String> labels = Map.of(
                Engine.RUN_LABEL,
                request.runId(),
                STACK_LABEL,
                request.stack(),
                Engine.PROJECT_LABEL,
                request.project());
        List<Started> started = new ArrayList<>();
        boolean done = false;
        // Ctrl-C (or a kill) while the stack starts: the JVM runs this hook, not the finally below
        try (Leftovers interrupted = Leftovers.removeOnExit(
                engine,
                reconnect,
                STACK_LABEL,
                request.stack(),
                log,
                "of the interrupted start",
                "the next image:start of " + request.stack())) {
            try {
                engine.createNetwork(request.network(), labels);
                for (ServiceSpec service : order) {
                    started.add(startOne(service, request, labels));
                }
                done = true;
                return started;
            } catch (EngineException e) {
                throw interrupted.unlessEnding(e);
            }
        } finally {
            if (!done) {
                cleanUp(request.stack(), "of this run");
            }
        }
    }

    private Started startOne(ServiceSpec service, StartRequest request, Map<String, String> labels)
            throws StackException, EngineException, InterruptedException {
        HealthCheckConfig health = engine.inspect(service.image()).healthCheck();
        Duration timeout = HealthCheckConfig.waitFor(health, request.healthTimeout());
        Map<String, String> containerLabels = new TreeMap<>(labels);
        containerLabels.put(SERVICE_LABEL, service.name());
        Hardening hardening = request.hardening();
        ContainerSpec spec = new ContainerSpec(
                service.image(),
                containerLabels,
                service.ports(),
                request.network() + "-" + service.name(),
                request.network(),
                service.name(),
                service.env(),
                request.sameHostPorts(),
                hardening.readOnly(),
                hardening.tmpfs() ? List.of("/tmp") : List.of(),
                hardening.dropCapabilities(),
                hardening.noNewPrivileges(),
                hardening.user() ? service.user() : null,
                service.memoryLimit());
        String after = service.dependsOn().isEmpty()
                ? ""
                : ", after "
                        + String.join(
                                ", ", service.dependsOn().stream().sorted().toList());
        log.info("Starting " + service.name() + " (" + service.image() + ")" + after);
        String id;
        try {
            id = engine.run(spec);
        } catch (EngineException e) {
            throw new StackException(startFailure(service, e.markedMessage(), request.sameHostPorts()), e);
        }
        ReadinessProbe readiness = service.health() == null
                ? ReadinessProbe.NONE
                : HttpGet.readiness(
                        engine, id, service.health().port(), service.health().path());
        HealthOutcome outcome = RunningContainer.awaitHealthy(engine, id, log, timeout, health, readiness);
        String probe = outcome.lastProbe().isEmpty() ? "" : " (last health check: " + outcome.lastProbe() + ")";
        String problem = switch (outcome.status()) {
            case HEALTHY, NO_HEALTH_CHECK -> null;
            case EXITED ->
                engine.state(id).oomKilled()
                        ? "was OOMKilled by the engine under " + mention("memoryLimit") + " "
                                + ByteSize.formatLimit(service.memoryLimit()) + " after "
                                + seconds(outcome.elapsed()) + " (exit status " + outcome.exitCode()
                                + ") instead of becoming healthy: raise " + mention("memoryLimit")
                        : "exited with status " + outcome.exitCode() + " after " + seconds(outcome.elapsed())
                                + " instead of becoming healthy" + probe;
            case UNHEALTHY -> "was reported unhealthy after " + seconds(outcome.elapsed()) + probe;
            case TIMED_OUT ->
                "was not healthy within " + seconds(timeout) + " (" + mention("healthTimeout") + ")" + probe;
        };
        if (problem != null) {
            log.error(service.name() + " " + problem + "; its last log lines follow");
            List<String> lines = engine.logs(id, request.logLines());
            (lines.isEmpty() ? List.of("(the container wrote no output)") : lines)
                    .forEach(line -> log.error("  " + line));
            List<String> dependents = request.plan().services().stream()
                    .filter(s -> s.dependsOn().contains(service.name()))
                    .map(ServiceSpec::name)
                    .toList();
            throw new StackException("Service " + service.name() + " " + problem
                    + (dependents.isEmpty() ? "" : " (needed by " + String.join(", ", dependents) + ")")
                    + ". Its last log lines are above; nothing of the stack is left running.");
        }
        Map<Integer, Integer> ports = new LinkedHashMap<>();
        for (int port : service.ports()) {
            OptionalInt hostPort = engine.hostPort(id, port);
            if (hostPort.isPresent()) {
                ports.put(port, hostPort.getAsInt());
            }
        }
        String published = ports.entrySet().stream()
                .map(e -> e.getKey() + " on " + engine.publishedHost() + ":" + e.getValue())
                .reduce((a, b) -> a + ", " + b)
                .map(s -> ", port " + s)
                .orElse("");
        log.info(service.name()
                + (outcome.status() == HealthOutcome.Status.HEALTHY
                        ? " is healthy after " + seconds(outcome.elapsed()) + outcome.earlyNote()
                        : " is running (its image has no HEALTHCHECK to wait for)")
                + published);
        return new Started(service.name(), engine.publishedHost(), ports);
    }

    private static String startFailure(ServiceSpec service, String reason, boolean sameHostPorts) {
        String lower = reason.toLowerCase(Locale.ROOT);
        if (lower.contains("port is already allocated") || lower.contains("address already in use")) {
            return "Service " + service.name() + " could not start: a host port it publishes ("
                    + String.join(
                            ", ", service.ports().stream().map(String::valueOf).toList())
                    + ") is already in use on the engine's host"
                    + (sameHostPorts
                            ? ". Stop what listens there, or publish on random host ports (" + mention("hostPorts")
                                    + "=false)"
                            : "")
                    + ". The engine said: " + reason.strip() + ". Nothing of the stack is left running.";
        }
        return "Service " + service.name() + " could not start: " + reason.strip()
                + ". Nothing of the stack is left running.";
    }

    /**
     * Stops (SIGTERM) and removes every container and network of {@code stack}.
     *
     * @return how many containers were removed
     */
    public int stop(String stack, Duration stopTimeout) throws EngineException {
        List<String> containers = engine.containersLabelled(STACK_LABEL, stack);
        for (String id : containers) {
            engine.stop(id, stopTimeout);
        }
        cleanUp(stack, "of " + stack);
        return containers.size();
    }

    /** Removes every container and network labelled with {@code stack}; logs what it removed. */
    private void cleanUp(String stack, String which) throws EngineException {
        String removed = Leftovers.removeAll(engine, STACK_LABEL, stack);
        if (!removed.isEmpty()) {
            log.info("Removed " + removed + " " + which);
        }
    }

    private static String seconds(Duration duration) {
        return DurationText.format(duration);
    }
}
