package dev.dockyard.image.maven;

import static dev.dockyard.image.maven.ImageParameters.*;

import dev.dockyard.image.stack.ComposeWriter;
import dev.dockyard.image.stack.ServiceSpec;
import dev.dockyard.image.stack.StackPlan;
import dev.dockyard.image.support.UserFixableException;
import java.io.File;
import java.io.IOException;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Writes a Compose Specification file for the reactor: one service per module that runs {@code image:build}, with
 * its image, ports, environment, named volumes, {@code depends_on} (condition {@code service_healthy}) from
 * {@code image.dependsOn}, the image's health check and the hardening switches. Runs once, at the execution root.
 *
 * @since 0.2.0
 */
@Mojo(name = "compose", defaultPhase = LifecyclePhase.PACKAGE, aggregator = true, threadSafe = true)
public class ComposeMojo extends AbstractStackMojo {

    /**
     * Skips writing the compose file.
     *
     * @since 0.2.0
     */
    @Parameter(property = COMPOSE_SKIP, defaultValue = COMPOSE_SKIP_DEFAULT)
    private String composeSkip;

    /**
     * The compose file to write.
     *
     * @since 0.2.0
     */
    @Parameter(property = COMPOSE_FILE, defaultValue = COMPOSE_FILE_DEFAULT)
    private File composeFile;

    /**
     * Publish every port on the same host port ({@code 8080:8080}); {@code false} lets the engine pick free ones.
     *
     * @since 0.2.0
     */
    @Parameter(property = COMPOSE_HOST_PORTS, defaultValue = COMPOSE_HOST_PORTS_DEFAULT)
    private String hostPorts;

    /**
     * A Compose file merged over the generated one (as {@code docker compose -f a -f b} merges): mappings key by key,
     * {@code ports}, {@code tmpfs}, {@code cap_drop} and similar lists added to, other values replaced, a
     * {@code null} value removing the key.
     *
     * @since 0.2.0
     */
    @Parameter(property = COMPOSE_EXTRA_FILE)
    private File extraFile;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        boolean own = flag(composeSkip, "composeSkip");
        if (own || flag(skip, "skip")) {
            getLog().info("Skipping image:compose (" + (own ? "image.compose.skip" : "image.skip") + "=true)");
            return;
        }
        if (!project.isExecutionRoot()) {
            getLog().info("Skipping image:compose: it runs once, at the execution root");
            return;
        }
        List<ServiceSpec> services = services();
        if (services.isEmpty()) {
            throw new MojoFailureException("image:compose: no module of this build runs image:build, so the stack has"
                    + " no service: bind image:build in the services' POMs (or their parent), or name it on the command"
                    + " line before image:compose (mvn package image:build image:compose); a module with image.skip=true"
                    + " or a packaging that gets no image is not a service");
        }
        try {
            StackPlan plan = StackPlan.of(services);
            new ComposeWriter(this::text)
                    .write(
                            plan,
                            new ComposeWriter.Options(
                                    flag(hostPorts, "hostPorts"),
                                    hardening(),
                                    extraFile == null ? null : extraFile.toPath()),
                            composeFile.toPath());
            getLog().info("Wrote " + relative(composeFile) + " with "
                    + plan.services().size() + " service"
                    + (plan.services().size() == 1 ? "" : "s") + ": "
                    + String.join(
                            ", ",
                            plan.services().stream().map(ServiceSpec::name).toList()));
        } catch (UserFixableException e) {
            throw failure(e);
        } catch (IOException e) {
            throw new MojoExecutionException("Could not write " + composeFile + ": " + e.getMessage(), e);
        }
    }
}
