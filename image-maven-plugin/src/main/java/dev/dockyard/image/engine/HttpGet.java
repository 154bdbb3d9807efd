package dev.dockyard.image.engine;

import dev.dockyard.image.probe.HealthProbe;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A plain HTTP GET of a container's health path through its published port: the HTTP check of
 * {@code image:verify}, and the readiness probe that lets waiting for healthy end as soon as the service answers.
 */
public final class HttpGet {

    private HttpGet() {}

    /** The URI of {@code path} on the host port {@code hostPort} of {@code host}. */
    public static URI uri(String host, int hostPort, String path) {
        return URI.create("http://" + host + ":" + hostPort + (path.startsWith("/") ? path : "/" + path));
    }

    /**
     * The status code {@code GET uri} answers, following no redirect; each of connect and answer within
     * {@code timeout}.
     */
    public static int status(URI uri, Duration timeout) throws IOException, InterruptedException {
        return status(HttpClient.newBuilder().connectTimeout(timeout).build(), uri, timeout);
    }

    private static int status(HttpClient http, URI uri, Duration timeout) throws IOException, InterruptedException {
        return http.send(
                        HttpRequest.newBuilder(uri).timeout(timeout).GET().build(),
                        HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }

    /**
     * A readiness probe asking {@code GET path} on the host port the engine published {@code containerPort} of
     * the container on, briefly (1 s): ready when it answers 2xx or 3xx, as the image's probe counts it; not ready
     * while it refuses, fails or answers otherwise. {@link ReadinessProbe#NONE} without a path ({@code null}) or
     * when the port is not published.
     */
    public static ReadinessProbe readiness(Engine engine, String containerId, int containerPort, String path)
            throws EngineException {
        if (path == null) {
            return ReadinessProbe.NONE;
        }
        OptionalInt hostPort = engine.hostPort(containerId, containerPort);
        if (hostPort.isEmpty()) {
            return ReadinessProbe.NONE;
        }
        URI uri = uri(engine.publishedHost(), hostPort.getAsInt(), path);
        Duration timeout = Duration.ofSeconds(1);
        HttpClient http = HttpClient.newBuilder().connectTimeout(timeout).build(); // one for all the asks
        return () -> {
            try {
                int status = status(http, uri, timeout);
                return HealthProbe.healthy(status)
                        ? Optional.of("GET " + path + " answered " + status)
                        : Optional.empty();
            } catch (IOException e) {
                return Optional.empty();
            }
        };
    }
}
