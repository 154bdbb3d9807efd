package dev.dockyard.image.verify;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * What {@link ImageVerifier} checks.
 *
 * @param image          the image reference or id
 * @param maxImageSize   size budget in bytes
 * @param ports          ports the image must expose (TCP), exactly
 * @param requiredLabels labels the image must carry
 * @param live           whether to run the container checks
 * @param healthTimeout  how long to wait for {@code healthy} (extended to the image's start period + interval +
 *                       timeout when that is longer)
 * @param healthPath     path to probe over HTTP through the published port, or {@code null} for no probe
 * @param healthPort     container port of that probe
 * @param stopTimeout    time the container has to stop after SIGTERM
 * @param logLines       container log lines shown with a failed live check
 * @param runId          value of the {@value Engine#RUN_LABEL} label of the container
 * @param labels         more labels of the container, e.g. {@value Engine#PROJECT_LABEL}
 * @param memoryLimit    the container's memory limit in bytes, or 0 for none
 */
public record VerifyRequest(
        String image,
        long maxImageSize,
        List<Integer> ports,
        List<String> requiredLabels,
        boolean live,
        Duration healthTimeout,
        String healthPath,
        int healthPort,
        Duration stopTimeout,
        int logLines,
        String runId,
        Map<String, String> labels,
        long memoryLimit) {

    public VerifyRequest {
        ports = List.copyOf(ports);
        requiredLabels = List.copyOf(requiredLabels);
        labels = Map.copyOf(labels);
    }

    /** @return this request with {@code factor} times its health and stop timeouts (an image run under emulation) */
    public VerifyRequest scaled(int factor) {
        return new VerifyRequest(
                image,
                maxImageSize,
                ports,
                requiredLabels,
                live,
                healthTimeout.multipliedBy(factor),
                healthPath,
                healthPort,
                stopTimeout.multipliedBy(factor),
                logLines,
                runId,
                labels,
                memoryLimit);
    }

    /** This request with the static checks only (no container is started). */
    public VerifyRequest staticOnly() {
        return new VerifyRequest(
                image,
                maxImageSize,
                ports,
                requiredLabels,
                false,
                healthTimeout,
                healthPath,
                healthPort,
                stopTimeout,
                logLines,
                runId,
                labels,
                memoryLimit);
    }

    /** A request without a memory limit. */
    public VerifyRequest(
            String image,
            long maxImageSize,
            List<Integer> ports,
            List<String> requiredLabels,
            boolean live,
            Duration healthTimeout,
            String healthPath,
            int healthPort,
            Duration stopTimeout,
            int logLines,
            String runId,
            Map<String, String> labels) {
        this(
                image,
                maxImageSize,
                ports,
                requiredLabels,
                live,
                healthTimeout,
                healthPath,
                healthPort,
                stopTimeout,
                logLines,
                runId,
                labels,
                0);
    }
}
