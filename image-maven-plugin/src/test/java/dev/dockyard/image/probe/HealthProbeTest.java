package dev.dockyard.image.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.InetSocketAddress;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpServer;

class HealthProbeTest {

    private HttpServer server;
    private String base;

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/health", e -> {
            e.sendResponseHeaders(200, -1);
            e.close();
        });
        server.createContext("/sick", e -> {
            e.sendResponseHeaders(503, -1);
            e.close();
        });
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void healthyOnlyFor2xxAnd3xx() {
        assertEquals(0, HealthProbe.check(base + "/health"));
        assertEquals(1, HealthProbe.check(base + "/sick"));
    }

    @Test
    void unhealthyWhenNothingListensOrTheUrlIsBad() {
        server.stop(0);
        assertEquals(1, HealthProbe.check(base + "/health"));
        assertEquals(1, HealthProbe.check("not a url"));
    }
}
