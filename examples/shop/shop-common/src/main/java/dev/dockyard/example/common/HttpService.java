package dev.dockyard.example.common;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;

/**
 * An HTTP service on the JDK's built-in server: listens on {@code PORT} (default 8080), answers
 * {@code GET /health} with {@code {"status":"UP"}}, and on SIGTERM stops accepting, lets in-flight requests finish
 * (at most one second) and exits.
 */
public final class HttpService {

    private final String name;
    private final HttpServer server;
    private final ExecutorService workers = Executors.newFixedThreadPool(4);
    private final CountDownLatch stopped = new CountDownLatch(1);

    public HttpService(String name) throws IOException {
        this.name = name;
        int port = Integer.parseInt(System.getenv().getOrDefault("PORT", "8080"));
        this.server = HttpServer.create(new InetSocketAddress(port), 0);
        this.server.setExecutor(workers);
        route("/health", exchange -> respond(exchange, 200, "{\"status\":\"UP\"}"));
    }

    /** Adds a handler for {@code path}. */
    public HttpService route(String path, HttpHandler handler) {
        server.createContext(path, handler);
        return this;
    }

    /** Writes a JSON response. */
    public static void respond(HttpExchange exchange, int status, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    /** Starts serving and blocks until a shutdown signal has drained the service. */
    public void run() throws InterruptedException {
        Runtime.getRuntime().addShutdownHook(new Thread(this::stop, name + "-shutdown"));
        server.start();
        System.out.println(name + " listening on port " + server.getAddress().getPort());
        stopped.await();
    }

    private void stop() {
        System.out.println(name + " stopping");
        server.stop(1);
        workers.shutdown();
        try {
            workers.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        System.out.println(name + " stopped");
        stopped.countDown();
    }
}
