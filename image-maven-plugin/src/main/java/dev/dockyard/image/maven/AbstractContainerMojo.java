package dev.dockyard.image.maven;

import java.time.Duration;
import java.util.List;

import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;

import dev.dockyard.image.support.DurationText;

/**
 * Goals that run containers of the image ({@code image:verify}, {@code image:start}, {@code image:stop}) and those
 * sharing their bases ({@code image:check}, {@code image:compose}, which ignore these): how long a container may
 * take to be healthy and to stop, and how much of its log a failure shows.
 */
abstract class AbstractContainerMojo extends AbstractEngineMojo {

    /**
     * How long a container ({@code image:verify}) or each service ({@code image:start}) may take to be reported
     * healthy. Extended, with a log line, to the image's start period + interval + timeout when those are longer.
     *
     * @since 0.1.0
     */
    @Parameter(property = "image.healthTimeout", defaultValue = "60s")
    protected String healthTimeout;

    /**
     * Time a container has to exit after SIGTERM before the engine kills it: for {@code image:verify} (where a
     * kill fails the check) and for each service {@code image:stop} stops.
     *
     * @since 0.1.0
     */
    @Parameter(property = "image.stopTimeout", defaultValue = "10s")
    protected String stopTimeout;

    /**
     * Container log lines printed when a live check fails ({@code image:verify}) or a service fails to start
     * ({@code image:start}).
     *
     * @since 0.1.0
     */
    @Parameter(property = "image.logLines", defaultValue = "30")
    protected int logLines;

    /** {@code image.healthTimeout}; a value that does not parse is added to {@code problems}. */
    Duration healthTimeout(List<String> problems) {
        return duration("image.healthTimeout", healthTimeout, problems);
    }

    /** {@code image.stopTimeout}; a value that does not parse is added to {@code problems}. */
    Duration stopTimeout(List<String> problems) {
        return duration("image.stopTimeout", stopTimeout, problems);
    }

    /** {@code image.logLines}, at least one. */
    int logLines() {
        return Math.max(1, logLines);
    }

    /** Fails the build listing every problem, when there is one. */
    static void failOn(List<String> problems) throws MojoFailureException {
        if (!problems.isEmpty()) {
            throw new MojoFailureException(String.join("; ", problems));
        }
    }

    private static Duration duration(String property, String value, List<String> problems) {
        try {
            return DurationText.parse(value);
        } catch (IllegalArgumentException e) {
            problems.add(property + ": " + e.getMessage());
            return Duration.ZERO;
        }
    }
}
