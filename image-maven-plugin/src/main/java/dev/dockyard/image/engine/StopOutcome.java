package dev.dockyard.image.engine;

import java.time.Duration;

/**
 * How a container stopped.
 *
 * @param exitCode  its exit status: 0, or 143 (128 + SIGTERM) for a JVM that ran its shutdown hooks, is clean;
 *                  137 (128 + SIGKILL) means the engine had to kill it
 * @param elapsed   from the stop request to the container's end
 * @param oomKilled whether the kernel killed it for memory
 */
public record StopOutcome(long exitCode, Duration elapsed, boolean oomKilled) {

    /** Exit status of a JVM that ended on SIGTERM after running its shutdown hooks. */
    public static final int SIGTERM_EXIT = 143;

    /** Exit status of a process killed with SIGKILL. */
    public static final int SIGKILL_EXIT = 137;

    /** Exit 0, or the JVM's orderly exit on SIGTERM. */
    public boolean clean() {
        return !oomKilled && (exitCode == 0 || exitCode == SIGTERM_EXIT);
    }
}
