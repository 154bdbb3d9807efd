package dev.dockyard.image.maven;

import org.apache.maven.plugins.annotations.Parameter;

import dev.dockyard.image.stack.Hardening;

/** Goals that treat the reactor as a stack ({@code compose}, {@code start}, {@code stop}): the shared switches. */
abstract class AbstractStackMojo extends AbstractContainerMojo {

    /**
     * Run every service with a read-only root filesystem ({@code read_only: true}).
     *
     * @since 0.2.0
     */
    @Parameter(property = "image.compose.readOnly", defaultValue = "true")
    protected boolean readOnly;

    /**
     * Mount a tmpfs on {@code /tmp} in every service (the writable scratch space a read-only root needs).
     *
     * @since 0.2.0
     */
    @Parameter(property = "image.compose.tmpfs", defaultValue = "true")
    protected boolean tmpfs;

    /**
     * Drop every Linux capability ({@code cap_drop: [ALL]}).
     *
     * @since 0.2.0
     */
    @Parameter(property = "image.compose.capDrop", defaultValue = "true")
    protected boolean capDrop;

    /**
     * Forbid gaining privileges ({@code security_opt: [no-new-privileges:true]}).
     *
     * @since 0.2.0
     */
    @Parameter(property = "image.compose.noNewPrivileges", defaultValue = "true")
    protected boolean noNewPrivileges;

    /**
     * State each service's numeric user ({@code image.user}) explicitly ({@code user:}).
     *
     * @since 0.2.0
     */
    @Parameter(property = "image.compose.user", defaultValue = "true")
    protected boolean composeUser;

    /**
     * Restart services {@code unless-stopped} (the compose file only; {@code image:start} never restarts).
     *
     * @since 0.2.0
     */
    @Parameter(property = "image.compose.restart", defaultValue = "true")
    protected boolean restart;

    Hardening hardening() {
        return new Hardening(readOnly, tmpfs, capDrop, noNewPrivileges, composeUser, restart);
    }

    /**
     * What identifies the stack of this module: its artifactId and a digest of its directory, so that two
     * checkouts sharing an engine do not clean up each other's stacks.
     */
    String stackKey() {
        String path = project.getBasedir().getAbsolutePath();
        String digest = Integer.toHexString(path.hashCode() & 0xfffffff | 0x10000000);
        return project.getArtifactId() + "-" + digest;
    }
}
