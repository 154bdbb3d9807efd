package dev.dockyard.image.engine;

import java.time.Duration;

/**
 * How waiting for a container to become healthy ended.
 *
 * @param status    the verdict
 * @param exitCode  the container's exit code when it {@link Status#EXITED}, else -1
 * @param elapsed   time waited
 * @param lastProbe the last health check's exit code and output, empty if none ran
 * @param early     when {@link Status#HEALTHY} was found before the engine's first check: how (the service's
 *                  answer and the image's check run at once); else empty
 */
public record HealthOutcome(Status status, long exitCode, Duration elapsed, String lastProbe, String early) {

    /** The verdicts. */
    public enum Status {
        HEALTHY,
        UNHEALTHY,
        EXITED,
        TIMED_OUT,
        NO_HEALTH_CHECK
    }

    /** {@code " (how)"} when the container was found healthy early, else empty: for the line that says healthy. */
    public String earlyNote() {
        return early.isEmpty() ? "" : " (" + early + ")";
    }

    static HealthOutcome healthy(Duration elapsed) {
        return new HealthOutcome(Status.HEALTHY, -1, elapsed, "", "");
    }

    static HealthOutcome healthyEarly(Duration elapsed, String how) {
        return new HealthOutcome(Status.HEALTHY, -1, elapsed, "", how);
    }

    static HealthOutcome unhealthy(Duration elapsed, String lastProbe) {
        return new HealthOutcome(Status.UNHEALTHY, -1, elapsed, lastProbe, "");
    }

    static HealthOutcome exited(long exitCode, Duration elapsed, String lastProbe) {
        return new HealthOutcome(Status.EXITED, exitCode, elapsed, lastProbe, "");
    }

    static HealthOutcome timedOut(Duration elapsed, String lastProbe) {
        return new HealthOutcome(Status.TIMED_OUT, -1, elapsed, lastProbe, "");
    }

    static HealthOutcome noHealthCheck(Duration elapsed) {
        return new HealthOutcome(Status.NO_HEALTH_CHECK, -1, elapsed, "", "");
    }
}
