package ${package};

import com.sun.net.httpserver.Filter;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * The HTTP server of the service, on the JDK's built-in {@link HttpServer}: routes, a bounded worker pool, and a
 * graceful {@code stop()}.
 */
final class Service {

    private static final int WORKERS = Math.max(4, 2 * Runtime.getRuntime().availableProcessors());

    private final HttpServer server;
    private final ExecutorService workers;
    private final Duration grace;
    private final Filter inProgress = new InProgress();
    private final Metrics metrics = new Metrics(java.time.Instant.now());
    private int running;

    private Service(HttpServer server, ExecutorService workers, Duration grace) {
        this.server = server;
        this.workers = workers;
        this.grace = grace;
    }

    /**
     * Listens on {@code port} (all interfaces) and starts serving.
     *
     * @param port  the TCP port, {@code 0} for any free port
     * @param grace how long {@code stop()} lets requests in progress finish
     * @return the running service
     * @throws IOException when the port cannot be bound
     */
    static Service start(int port, Duration grace) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(port), 0);
        ExecutorService workers = Executors.newFixedThreadPool(WORKERS, task -> {
            Thread thread = new Thread(task, "http-worker");
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(workers);
        Service service = new Service(server, workers, grace);
        service.route(HealthHandler.PATH, new HealthHandler());
        service.route(MetricsHandler.PATH, new MetricsHandler(service.metrics));
        server.start();
        return service;
    }

    /** Serves {@code path} (and everything below it) with {@code handler}. */
    void route(String path, HttpHandler handler) {
        var filters = server.createContext(path, handler).getFilters();
        filters.add(inProgress);
        filters.add(metrics.filter());
    }

    /** @return the port the service listens on */
    int port() {
        return server.getAddress().getPort();
    }

    /**
     * Stops gracefully: closes the listening socket at once (new connections are refused), lets the requests in
     * progress finish for up to the grace period, then closes every connection. Returns as soon as no request is in
     * progress.
     *
     * @return the number of requests still in progress when the grace period ran out (0 after a clean stop)
     */
    int stop() {
        long graceSeconds = Math.max(1, (grace.toMillis() + 999) / 1000);
        Thread stopping = new Thread(() -> server.stop((int) graceSeconds), "http-stop");
        stopping.start();
        long deadline = System.nanoTime() + grace.toNanos();
        int unfinished;
        synchronized (this) {
            long left;
            while (running > 0 && (left = deadline - System.nanoTime()) > 0) {
                try {
                    TimeUnit.NANOSECONDS.timedWait(this, left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
            unfinished = running;
        }
        // HttpServer.stop(delay) on Java 17 waits out the whole delay even when no exchange is left (fixed in
        // Java 21); once none is in progress, end that wait by closing the remaining idle connections now.
        server.stop(0);
        try {
            stopping.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        workers.shutdownNow();
        return unfinished;
    }

    private synchronized void started() {
        running++;
    }

    private synchronized void finished() {
        running--;
        notifyAll();
    }

    /** Counts the exchanges in progress, so {@code stop()} knows when the last one is done. */
    private final class InProgress extends Filter {

        @Override
        public void doFilter(HttpExchange exchange, Chain chain) throws IOException {
            started();
            try {
                chain.doFilter(exchange);
            } finally {
                finished();
            }
        }

        @Override
        public String description() {
            return "counts requests in progress";
        }
    }
}
