package ${package};

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;

/**
 * Starts the service: reads the port from the {@code PORT} environment variable, serves until the process is asked
 * to stop (SIGTERM, e.g. {@code docker stop}), then shuts down gracefully and exits with status 0.
 */
public final class App {

    /** Port used when {@code PORT} is not set. The image exposes and probes this port. */
    static final int DEFAULT_PORT = ${port};

    /** Longest time requests in progress get to finish once a stop was requested. */
    static final Duration SHUTDOWN_GRACE = Duration.ofSeconds(5);

    private App() {
    }

    public static void main(String[] args) {
        Log log = Log.fromEnvironment();
        int port;
        try {
            port = port(System.getenv("PORT"));
        } catch (IllegalArgumentException e) {
            log.error(e.getMessage());
            System.exit(2);
            return;
        }
        Service service;
        try {
            service = Service.start(port, SHUTDOWN_GRACE);
        } catch (IOException e) {
            log.error("cannot listen on port " + port + ": " + e.getMessage());
            System.exit(1);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> shutDown(service, log), "shutdown"));
        long startedMillis = Duration.between(processStart(), Instant.now()).toMillis();
        log.info("${artifactId} listening on port " + service.port() + " (Java "
                + Runtime.version() + ", started in " + startedMillis + " ms)");
    }

    /**
     * Reads the listening port from the value of the {@code PORT} environment variable.
     *
     * @param value the variable's value, {@code null} or blank when unset
     * @return the port; {@code DEFAULT_PORT} when unset; {@code 0} picks a free port
     * @throws IllegalArgumentException when the value is not a port number
     */
    static int port(String value) {
        if (value == null || value.isBlank()) {
            return DEFAULT_PORT;
        }
        try {
            int port = Integer.parseInt(value.trim());
            if (port >= 0 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("PORT must be a number from 0 to 65535, got '" + value + "'");
    }

    private static void shutDown(Service service, Log log) {
        log.info("${artifactId} stopping: no new connections, waiting up to "
                + SHUTDOWN_GRACE.toSeconds() + " s for requests in progress");
        int unfinished = service.stop();
        log.info("${artifactId} stopped" + (unfinished == 0 ? "" : ", " + unfinished + " request(s) cut off"));
        System.out.flush();
        // The JVM reports a SIGTERM-initiated exit as status 143; a completed graceful stop is a clean exit.
        Runtime.getRuntime().halt(0);
    }

    private static Instant processStart() {
        return ProcessHandle.current().info().startInstant().orElse(Instant.now());
    }
}
