package dev.dockyard.image.engine;

/**
 * A container's state as the engine reports it.
 *
 * @param running   whether it runs
 * @param exitCode  its exit code once it ended, else -1
 * @param health    the health status ({@code starting}, {@code healthy}, {@code unhealthy}), or {@code null} when
 *                  the image has no health check
 * @param lastProbe the last health check's exit code and output ({@code exit 1: ...}), empty if none ran
 * @param oomKilled whether the kernel killed it for memory
 */
public record ContainerState(boolean running, long exitCode, String health, String lastProbe, boolean oomKilled) {

    public ContainerState {
        lastProbe = lastProbe == null ? "" : lastProbe;
    }

    /** A running container whose health check reports {@code health} ({@code null}: none). */
    public static ContainerState running(String health) {
        return new ContainerState(true, -1, health, "", false);
    }

    /** A container that ended with {@code exitCode}. */
    public static ContainerState exited(long exitCode) {
        return new ContainerState(false, exitCode, null, "", false);
    }

    public ContainerState withLastProbe(String probe) {
        return new ContainerState(running, exitCode, health, probe, oomKilled);
    }
}
