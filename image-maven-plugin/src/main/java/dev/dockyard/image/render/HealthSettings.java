package dev.dockyard.image.render;

/**
 * The container health check: an HTTP GET of {@code path} on {@code port} inside the container.
 *
 * @param path request path, starting with {@code /}
 * @param port container port
 * @param interval Docker duration between checks, e.g. {@code 10s}
 * @param timeout Docker duration one check may take
 * @param retries consecutive failures before the container is unhealthy
 * @param startPeriod Docker duration during which failures do not count
 */
public record HealthSettings(String path, int port, String interval, String timeout, int retries, String startPeriod) {}
