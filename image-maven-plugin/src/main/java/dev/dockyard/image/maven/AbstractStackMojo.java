package dev.dockyard.image.maven;

import static dev.dockyard.image.maven.ImageParameters.*;

import dev.dockyard.image.stack.Hardening;
import dev.dockyard.image.stack.ServiceSpec;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Goals that run the reactor as a stack ({@code image:compose}, {@code image:start}): the hardening every service
 * gets, and the order services start in.
 */
abstract class AbstractStackMojo extends AbstractImageMojo {

    /**
     * The services (artifactIds of the reactor) this module's service waits for: they start first and are healthy
     * before it starts ({@code depends_on} with {@code condition: service_healthy} in the compose file, the start
     * order of {@code image:start}). Set it in each service module's configuration of the plugin; on the command line,
     * comma-separated.
     *
     * @since 0.2.0
     */
    @Parameter(property = DEPENDS_ON)
    protected List<String> dependsOn = new ArrayList<>();

    /**
     * Run every service with a read-only root filesystem ({@code read_only: true}).
     *
     * @since 0.2.0
     */
    @Parameter(property = COMPOSE_READ_ONLY, defaultValue = COMPOSE_READ_ONLY_DEFAULT)
    protected String readOnly;

    /**
     * Mount a tmpfs on {@code /tmp} in every service (the writable scratch space a read-only root needs).
     *
     * @since 0.2.0
     */
    @Parameter(property = COMPOSE_TMPFS, defaultValue = COMPOSE_TMPFS_DEFAULT)
    protected String tmpfs;

    /**
     * Drop every Linux capability ({@code cap_drop: [ALL]}).
     *
     * @since 0.2.0
     */
    @Parameter(property = COMPOSE_CAP_DROP, defaultValue = COMPOSE_CAP_DROP_DEFAULT)
    protected String capDrop;

    /**
     * Forbid gaining privileges ({@code security_opt: [no-new-privileges:true]}).
     *
     * @since 0.2.0
     */
    @Parameter(property = COMPOSE_NO_NEW_PRIVILEGES, defaultValue = COMPOSE_NO_NEW_PRIVILEGES_DEFAULT)
    protected String noNewPrivileges;

    /**
     * State each service's numeric user ({@code image.user}) explicitly ({@code user:}).
     *
     * @since 0.2.0
     */
    @Parameter(property = COMPOSE_USER, defaultValue = COMPOSE_USER_DEFAULT)
    protected String composeUser;

    /**
     * Restart services {@code unless-stopped} (the compose file only; {@code image:start} never restarts).
     *
     * @since 0.2.0
     */
    @Parameter(property = COMPOSE_RESTART, defaultValue = COMPOSE_RESTART_DEFAULT)
    protected String restart;

    Hardening hardening() throws MojoFailureException {
        return new Hardening(
                flag(readOnly, "readOnly"),
                flag(tmpfs, "tmpfs"),
                flag(capDrop, "capDrop"),
                flag(noNewPrivileges, "noNewPrivileges"),
                flag(composeUser, "composeUser"),
                flag(restart, "restart"));
    }

    /** The services of the reactor; this module's own {@code dependsOn} as Maven resolved it for this goal. */
    List<ServiceSpec> services() throws MojoFailureException {
        return ReactorServices.of(session, project, dependsOn);
    }
}
