package dev.dockyard.image.stack;

/**
 * The restrictions every service of the stack runs under; each on by default, each switchable.
 *
 * @param readOnly        root filesystem read-only ({@code read_only: true})
 * @param tmpfs           a tmpfs on {@code /tmp} (the one writable scratch place with a read-only root)
 * @param dropCapabilities no Linux capabilities ({@code cap_drop: [ALL]})
 * @param noNewPrivileges no privilege gain through setuid binaries ({@code no-new-privileges:true})
 * @param user            run as the image's numeric user, stated explicitly
 * @param restart         restart {@code unless-stopped} (compose file only; the build's stack never restarts)
 */
public record Hardening(
        boolean readOnly,
        boolean tmpfs,
        boolean dropCapabilities,
        boolean noNewPrivileges,
        boolean user,
        boolean restart) {

    /** Everything on. */
    public static Hardening defaults() {
        return new Hardening(true, true, true, true, true, true);
    }
}
