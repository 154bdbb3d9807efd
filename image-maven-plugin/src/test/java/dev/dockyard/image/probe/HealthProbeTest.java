package dev.dockyard.image.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
        server.createContext("/moved", e -> {
            // a redirect to a failing page: the probe must not follow it
            e.getResponseHeaders().add("Location", "/sick");
            e.sendResponseHeaders(302, -1);
            e.close();
        });
        server.createContext("/not-modified", e -> {
            e.sendResponseHeaders(304, -1);
            e.close();
        });
        server.createContext("/missing", e -> {
            e.sendResponseHeaders(404, -1);
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
        assertEquals(0, HealthProbe.check(base + "/moved"));
        assertEquals(0, HealthProbe.check(base + "/not-modified"));
        assertEquals(1, HealthProbe.check(base + "/missing"));
    }

    @Test
    void theStatusRuleIsTwoHundredToThreeNinetyNine() {
        for (int status : new int[] {200, 204, 299, 300, 302, 399}) {
            assertEquals(true, HealthProbe.healthy(status), Integer.toString(status));
        }
        for (int status : new int[] {100, 199, 400, 404, 500, 503}) {
            assertEquals(false, HealthProbe.healthy(status), Integer.toString(status));
        }
    }

    @Test
    void unhealthyWhenNothingListensOrTheUrlIsBad() {
        server.stop(0);
        assertEquals(1, HealthProbe.check(base + "/health"));
        assertEquals(1, HealthProbe.check("not a url"));
    }

    @Test
    void aServiceThatWritesAsItExitsOnSigtermKeepsItsOutputAndWritesTheArchive(@TempDir Path dir) throws Exception {
        // as the JDK 25 AOT cache does: on SIGTERM the service writes to its output (the cache's assembly starts a
        // child JVM that does), then writes the archive; with its output pipe closed it would die of SIGPIPE first
        Path archive = dir.resolve("app.aot");
        String service = "trap 'sleep 1; echo recording; sleep 1; echo assembling the cache; echo cache > " + archive
                + "; exit 0' TERM; echo started; while true; do sleep 0.1; done";
        assertEquals(0, HealthProbe.train(new String[] {
            "--train", "30", base + "/health", archive.toString(), "sh", "-c", service
        }));
        assertEquals("cache\n", Files.readString(archive));
    }
}
