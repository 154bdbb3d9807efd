package it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

/** Runs against the stack image:start started: the URLs come from its image.<artifactId>.host/port properties. */
class StackIT {

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void bothServicesAnswerThroughTheirPublishedPorts() throws Exception {
        for (String service : new String[] {"orders", "inventory"}) {
            String url = System.getProperty(service + ".url") + "/health";
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, response.statusCode(), url);
            assertEquals("{\"status\":\"UP\"}", response.body());
            System.out.println("StackIT: " + service + " answered 200");
        }
    }
}
