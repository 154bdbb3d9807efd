package ${package};

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HealthHandlerTest {

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
    void getHealthAnswersUpAsJson() throws Exception {
        HttpResponse<String> response = send("GET", "/health");

        assertEquals(200, response.statusCode());
        assertEquals("application/json", response.headers().firstValue("Content-Type").orElse(""));
        assertEquals("{\"status\":\"UP\"}", response.body());
    }

    @Test
    void headHealthAnswersWithoutBody() throws Exception {
        HttpResponse<String> response = send("HEAD", "/health");

        assertEquals(200, response.statusCode());
        assertEquals("", response.body());
    }

    @Test
    void otherMethodsAreNotAllowed() throws Exception {
        HttpResponse<String> response = send("POST", "/health");

        assertEquals(405, response.statusCode());
        assertEquals("GET, HEAD", response.headers().firstValue("Allow").orElse(""));
    }

    @Test
    void pathsBelowHealthAreNotFound() throws Exception {
        assertEquals(404, send("GET", "/health/extra").statusCode());
        assertEquals(404, send("GET", "/").statusCode());
    }

    private HttpResponse<String> send(String method, String path) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + service.port() + path))
                .method(method, HttpRequest.BodyPublishers.noBody())
                .timeout(Duration.ofSeconds(10))
                .build();
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
