package ${package};

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class ShutdownTest {

    private final HttpClient client = HttpClient.newHttpClient();

    @Test
    void stopRefusesNewConnectionsAndLetsTheRequestInProgressFinish() throws Exception {
        Service service = Service.start(0, Duration.ofSeconds(30));
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        service.route("/slow", exchange -> {
            entered.countDown();
            try {
                release.await();
                byte[] body = "done".getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(200, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                exchange.close();
            }
        });
        int port = service.port();
        CompletableFuture<HttpResponse<String>> slow = client.sendAsync(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/slow")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertTrue(entered.await(10, TimeUnit.SECONDS), "the slow request never reached its handler");

        CompletableFuture<Integer> stopped = CompletableFuture.supplyAsync(service::stop);

        assertTrue(refusesConnections(port, Duration.ofSeconds(10)), "still accepting connections while stopping");
        assertFalse(stopped.isDone(), "stop returned while a request was in progress");
        release.countDown();
        HttpResponse<String> response = slow.get(10, TimeUnit.SECONDS);
        assertEquals(200, response.statusCode());
        assertEquals("done", response.body());
        assertEquals(0, stopped.get(10, TimeUnit.SECONDS));
    }

    @Test
    void stopGivesUpOnARequestThatOutlivesTheGracePeriod() throws Exception {
        Service service = Service.start(0, Duration.ofSeconds(1));
        CountDownLatch entered = new CountDownLatch(1);
        service.route("/stuck", exchange -> {
            entered.countDown();
            try {
                new CountDownLatch(1).await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                exchange.close();
            }
        });
        CompletableFuture<HttpResponse<String>> stuck = client.sendAsync(
                HttpRequest.newBuilder(URI.create("http://localhost:" + service.port() + "/stuck")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertTrue(entered.await(10, TimeUnit.SECONDS));

        CompletableFuture<Integer> stopped = CompletableFuture.supplyAsync(service::stop);

        assertEquals(1, stopped.get(20, TimeUnit.SECONDS), "one request should have been cut off");
        assertThrows(Exception.class, () -> stuck.get(10, TimeUnit.SECONDS));
    }

    @Test
    void idleStopDoesNotWaitOutTheGracePeriod() throws Exception {
        Service service = Service.start(0, Duration.ofMinutes(5));
        client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + service.port() + "/health")).build(),
                HttpResponse.BodyHandlers.discarding());

        // far below the grace period: a stop that waited it out would hit this timeout
        assertEquals(0, CompletableFuture.supplyAsync(service::stop).get(60, TimeUnit.SECONDS));
        assertTrue(refusesConnections(service.port(), Duration.ofSeconds(1)));
    }

    @Test
    void sigtermStopsTheProcessGracefullyWithStatusZero() throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        ProcessBuilder builder = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
                App.class.getName()).redirectErrorStream(true);
        builder.environment().put("PORT", "0");
        Process process = builder.start();
        BlockingQueue<String> output = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                lines.lines().forEach(output::add);
            } catch (IOException | UncheckedIOException e) {
                output.add("<output unreadable: " + e.getMessage() + ">");
            }
        });
        reader.start();
        try {
            String started = output.poll(30, TimeUnit.SECONDS);
            assertNotNull(started, "no start-up line");
            Matcher listening = Pattern.compile(".* listening on port (\\d+) .*").matcher(started);
            assertTrue(listening.matches(), "unexpected start-up line: " + started);
            int port = Integer.parseInt(listening.group(1));
            HttpResponse<String> health = client.send(
                    HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/health")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals("{\"status\":\"UP\"}", health.body());

            // SIGTERM; unlike Process.destroy(), this leaves the output pipe open so the last lines can be read
            assertTrue(process.toHandle().destroy(), "cannot send SIGTERM");

            assertTrue(process.waitFor(30, TimeUnit.SECONDS), "still running after SIGTERM");
            reader.join(TimeUnit.SECONDS.toMillis(10));
            List<String> rest = new ArrayList<>();
            output.drainTo(rest);
            assertEquals(0, process.exitValue(), "exit status after SIGTERM; output: " + rest);
            assertTrue(rest.stream().anyMatch(line -> line.endsWith(" stopped")), "no stop line in " + rest);
        } finally {
            process.destroyForcibly();
        }
    }

    private static boolean refusesConnections(int port, Duration within) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        do {
            try (Socket socket = new Socket("localhost", port)) {
                Thread.sleep(50);
            } catch (ConnectException refused) {
                return true;
            } catch (IOException other) {
                Thread.sleep(50);
            }
        } while (System.nanoTime() < deadline);
        return false;
    }
}
