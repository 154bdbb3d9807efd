package dev.dockyard.image.model;

import java.time.Duration;
import java.util.List;

/**
 * The image's {@code HEALTHCHECK}.
 *
 * @param test        the command, as the engine stores it ({@code CMD ...}, {@code CMD-SHELL ...} or {@code NONE})
 * @param interval    time between checks (Docker's default 30s when unset)
 * @param timeout     time one check may take
 * @param startPeriod time after start during which failures do not count
 * @param retries     consecutive failures that make the container unhealthy
 */
public record HealthCheckConfig(
        List<String> test, Duration interval, Duration timeout, Duration startPeriod, int retries) {

    /** Whether a check is defined (not absent, not {@code HEALTHCHECK NONE}). */
    public boolean defined() {
        return test != null && !test.isEmpty() && !"NONE".equals(test.get(0));
    }

    /**
     * The check as a command to run in the container: the arguments of {@code CMD}, or {@code /bin/sh -c} with the
     * line of {@code CMD-SHELL}, as the engine runs them.
     *
     * @throws IllegalStateException when no check is {@link #defined()}
     */
    public List<String> command() {
        if (!defined()) {
            throw new IllegalStateException("the image defines no HEALTHCHECK");
        }
        if ("CMD-SHELL".equals(test.get(0))) {
            return List.of("/bin/sh", "-c", String.join(" ", test.subList(1, test.size())));
        }
        return List.copyOf("CMD".equals(test.get(0)) ? test.subList(1, test.size()) : test);
    }

    /**
     * The longest a healthy service may take to be reported healthy: its start period plus one interval and one
     * check's timeout.
     */
    public Duration firstVerdictWithin() {
        return startPeriod.plus(interval).plus(timeout);
    }

    /**
     * How long to wait for a verdict when {@code configured} is asked for: that, or the image's start period +
     * interval + timeout when those are longer (a healthy service could not be reported healthy sooner).
     */
    public static Duration waitFor(HealthCheckConfig health, Duration configured) {
        if (health != null && health.defined() && health.firstVerdictWithin().compareTo(configured) > 0) {
            return health.firstVerdictWithin();
        }
        return configured;
    }
}
