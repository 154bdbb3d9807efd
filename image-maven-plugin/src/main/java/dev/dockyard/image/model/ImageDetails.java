package dev.dockyard.image.model;

import java.util.Collections;
import java.util.Comparator;
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
}
