package dev.dockyard.image.maven;

import static dev.dockyard.image.maven.ImageParameters.*;

import dev.dockyard.image.engine.Engine;
import dev.dockyard.image.engine.EngineException;
import dev.dockyard.image.stack.StackRunner;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Stops (SIGTERM, then after {@code image.stopTimeout} SIGKILL) and removes every container and the network
 * {@code image:start} started for this module.
 *
 * @since 0.2.0
 */
@Mojo(name = "stop", defaultPhase = LifecyclePhase.POST_INTEGRATION_TEST, threadSafe = true)
public class StopMojo extends AbstractImageMojo {

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
     * Time each container has to exit after SIGTERM before the engine kills it.
     *
     * @since 0.1.0
     */
    @Parameter(property = STOP_TIMEOUT, defaultValue = STOP_TIMEOUT_DEFAULT)
    private String stopTimeout;

    /**
     * Leaves the stack running (the next {@code image:start} of the module removes it).
     *
     * @since 0.2.0
     */
    @Parameter(property = STOP_SKIP, defaultValue = STOP_SKIP_DEFAULT)
    private String stopSkip;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skipped("stop", flag(stopSkip, "stopSkip"), STOP_SKIP)) {
            return;
        }
        if (notTheStacksModule("stop")) {
            return;
        }
        List<String> problems = new ArrayList<>();
        Duration timeout = duration("stopTimeout", stopTimeout, problems);
        failOn(problems);
        try (Engine engine = connect(engineTimeout)) {
            int removed = new StackRunner(engine, engineLog()).stop(stackKey(), timeout);
            if (removed == 0) {
                getLog().info("image:stop: no container of " + stackKey() + " was running");
            }
        } catch (EngineException e) {
            rethrow(e);
        }
    }
}
