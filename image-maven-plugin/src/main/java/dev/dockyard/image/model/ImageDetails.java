package dev.dockyard.image.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What the engine knows about an image (inspect + history).
 *
 * @param id           {@code sha256:...}
 * @param tags         its references
 * @param size         bytes of all its layers
 * @param created      creation time as the engine reports it (RFC 3339)
 * @param user         the configured user, empty for root by default
 * @param healthCheck  the HEALTHCHECK, or {@code null}
 * @param exposedPorts e.g. {@code 8080/tcp}
 * @param labels       its labels
 * @param layers       history, oldest first
 */
public record ImageDetails(
        String id,
        List<String> tags,
        long size,
        String created,
        String user,
        HealthCheckConfig healthCheck,
        Set<String> exposedPorts,
        Map<String, String> labels,
        List<ImageLayer> layers) {

    /** Label of an image with a startup cache: its kind, {@code cds} or {@code aot} (written by the templates). */
    public static final String STARTUP_CACHE_LABEL = "dev.dockyard.startup-cache";
    /** Label of an image with a startup cache: the main class its entry point starts. */
    public static final String MAIN_CLASS_LABEL = "dev.dockyard.main-class";

    public ImageDetails {
        exposedPorts = Collections.unmodifiableSortedSet(new TreeSet<>(exposedPorts));
        tags = List.copyOf(tags);
        labels = Collections.unmodifiableSortedMap(new TreeMap<>(labels));
        layers = List.copyOf(layers);
    }

    /** The {@code n} largest layers, largest first. */
    public List<ImageLayer> largestLayers(int n) {
        return layers.stream()
                .sorted(Comparator.comparingLong(ImageLayer::size).reversed())
                .limit(n)
                .toList();
    }

    /** The id without the {@code sha256:} prefix, first 12 characters, as the Docker CLI shows it. */
    public String shortId() {
        String hex = id.startsWith("sha256:") ? id.substring(7) : id;
        return hex.length() > 12 ? hex.substring(0, 12) : hex;
    }

    /**
     * The details of an image read from its configuration (Docker's or OCI's format) rather than from an engine.
     *
     * @param layerSizes the bytes of each layer, lowest first
     */
    public static ImageDetails fromConfig(String id, List<String> tags, JsonNode config, List<Long> layerSizes) {
        JsonNode settings = config.path("config");
        Set<String> ports = new TreeSet<>();
        Iterator<String> names = settings.path("ExposedPorts").fieldNames();
        names.forEachRemaining(ports::add);
        Map<String, String> labels = new TreeMap<>();
        settings.path("Labels")
                .fields()
                .forEachRemaining(e -> labels.put(e.getKey(), e.getValue().asText()));
        List<ImageLayer> layers = new ArrayList<>();
        int next = 0;
        for (JsonNode step : config.path("history")) {
            boolean empty = step.path("empty_layer").asBoolean(false);
            long size = !empty && next < layerSizes.size() ? layerSizes.get(next++) : 0;
            layers.add(new ImageLayer(
                    "<missing>",
                    size,
                    step.path("created_by").asText(""),
                    epochSeconds(step.path("created").asText("")),
                    step.path("comment").asText("")));
        }
        long total = layerSizes.stream().mapToLong(Long::longValue).sum();
        return new ImageDetails(
                id,
                tags,
                total,
                config.path("created").asText(""),
                settings.path("User").asText(""),
                healthCheck(settings.path("Healthcheck")),
                ports,
                labels,
                layers);
    }

    private static HealthCheckConfig healthCheck(JsonNode check) {
        if (check.isMissingNode()
                || !check.path("Test").isArray()
                || check.path("Test").isEmpty()) {
            return null;
        }
        List<String> test = new ArrayList<>();
        check.path("Test").forEach(t -> test.add(t.asText()));
        int retries = check.path("Retries").asInt(0);
        return new HealthCheckConfig(
                test,
                nanos(check, "Interval", 30),
                nanos(check, "Timeout", 30),
                nanos(check, "StartPeriod", 0),
                retries == 0 ? 3 : retries);
    }

    private static Duration nanos(JsonNode check, String field, int defaultSeconds) {
        long value = check.path(field).asLong(0);
        return value == 0 ? Duration.ofSeconds(defaultSeconds) : Duration.ofNanos(value);
    }

    private static long epochSeconds(String text) {
        try {
            return text.isBlank() ? 0 : Instant.parse(text).getEpochSecond();
        } catch (DateTimeParseException e) {
            return 0;
        }
    }
}
