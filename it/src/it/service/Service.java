package it;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A service for the Docker ITs. SERVICE_MODE picks its behaviour: {@code healthy} (default) answers GET /health
 * with 200; {@code unhealthy} answers 503 forever; {@code exit} fails its start-up with status 3; {@code resolve}
 * prints the addresses of the host names in RESOLVE (comma-separated) and exits.
 */
public final class Service {

    public static void main(String[] args) throws IOException {
        String mode = System.getenv().getOrDefault("SERVICE_MODE", "healthy");
        if (mode.equals("exit")) {
            System.err.println("missing configuration: SHOP_DB_URL is not set");
            System.exit(3);
        }
        if (mode.equals("resolve")) {
            for (String name : System.getenv().getOrDefault("RESOLVE", "localhost").split(",")) {
                System.out.println("resolved " + name + " -> " + InetAddress.getByName(name).getHostAddress());
            }
            return;
        }
        int port = Integer.parseInt(System.getenv().getOrDefault("PORT", "8080"));
        HttpServer server = HttpServer.create(new InetSocketAddress(port), 0);
        server.createContext("/health", exchange -> {
            if (mode.equals("unhealthy")) {
                System.out.println("health: database unavailable");
                answer(exchange, 503, "{\"status\":\"DOWN\"}");
            } else {
                answer(exchange, 200, "{\"status\":\"UP\"}");
            }
        });
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.stop(0);
            System.out.println("service stopped");
        }));
        server.start();
        System.out.println("service listening on " + port + " (" + mode + ")");
    }

    private static void answer(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
