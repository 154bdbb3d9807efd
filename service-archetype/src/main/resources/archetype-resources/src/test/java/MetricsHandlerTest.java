package ${package};

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MetricsHandlerTest {

    private final HttpClient client = HttpClient.newHttpClient();
    private Service service;

    @BeforeEach
    void start() throws IOException {
        service = Service.start(0, Duration.ofSeconds(1));
    }

    @AfterEach
    void stop() {
        service.stop();
    }

    @Test
    void countsRequestsByStatusInThePrometheusTextFormat() throws Exception {
        get("/health");
        get("/health");
        get("/health/nothing-here");

        HttpResponse<String> response = get("/metrics");

        assertEquals(200, response.statusCode());
        assertEquals(MetricsHandler.CONTENT_TYPE, response.headers().firstValue("Content-Type").orElse(""));
        List<String> lines = response.body().lines().toList();
        assertTrue(lines.contains("# TYPE http_requests_total counter"), response.body());
        assertTrue(lines.contains("http_requests_total{status=\"200\"} 2"), response.body());
        assertTrue(lines.contains("http_requests_total{status=\"404\"} 1"), response.body());
        assertTrue(lines.contains("# TYPE process_uptime_seconds gauge"), response.body());
        assertTrue(lines.stream().anyMatch(l -> l.matches("process_uptime_seconds [0-9]+\\.[0-9]{3}")), response.body());
        for (String name : List.of("jvm_memory_used_bytes", "jvm_memory_committed_bytes", "jvm_memory_max_bytes")) {
            assertTrue(lines.contains("# TYPE " + name + " gauge"), name);
            assertTrue(lines.stream().anyMatch(l -> l.matches(name + " [1-9][0-9]*")), response.body());
        }
        // every sample line is a metric name, optional labels, a number
        for (String line : lines) {
            assertTrue(line.startsWith("# HELP ") || line.startsWith("# TYPE ")
                    || line.matches("[a-z_]+(\\{[a-z]+=\"[^\"]*\"\\})? [0-9.]+"), line);
        }
    }

    @Test
    void onlyGetIsAllowed() throws Exception {
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(uri("/metrics"))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(405, response.statusCode());
        assertEquals("GET", response.headers().firstValue("Allow").orElse(""));
    }

    private HttpResponse<String> get(String path) throws Exception {
        return client.send(HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + service.port() + path);
    }
}
