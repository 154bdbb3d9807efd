package dev.dockyard.image.maven;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

import dev.dockyard.image.engine.Engine;
import dev.dockyard.image.engine.EngineException;
import dev.dockyard.image.stack.StackRunner;

/**
 * Stops (SIGTERM, then after {@code image.stopTimeout} SIGKILL) and removes every container and the network
 * {@code image:start} started for this module.
 *
 * @since 0.2.0
 */
@Mojo(name = "stop", defaultPhase = LifecyclePhase.POST_INTEGRATION_TEST, threadSafe = true)
public class StopMojo extends AbstractStackMojo {

    /**
     * Leaves the stack running (the next {@code image:start} of the module removes it).
     *
     * @since 0.2.0
     */
    @Parameter(property = "image.stop.skip", defaultValue = "false")
    private boolean stopSkip;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip || stopSkip) {
            getLog().info("Skipping image:stop (" + (skip ? "image.skip" : "image.stop.skip") + "=true)");
            return;
        }
        List<String> problems = new ArrayList<>();
        Duration timeout = stopTimeout(problems);
        failOn(problems);
        try (Engine engine = connect()) {
            int removed = new StackRunner(engine, engineLog()).stop(stackKey(), timeout);
            if (removed == 0) {
                getLog().info("image:stop: no container of " + stackKey() + " was running");
            }
        } catch (EngineException e) {
            rethrow(e);
        }
    }
}
