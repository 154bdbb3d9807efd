package dev.dockyard.image.engine;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A container to start.
 *
 * @param image  image id or reference
 * @param labels labels of the container (the plugin always sets {@value Engine#RUN_LABEL})
 * @param ports  container TCP ports to publish, each on a random host port
 */
public record ContainerSpec(String image, Map<String, String> labels, List<Integer> ports) {

    public ContainerSpec {
        labels = new TreeMap<>(labels);
        ports = List.copyOf(ports);
    }

    /** A container of {@code image} labelled {@value Engine#RUN_LABEL}{@code =runId}. */
    public static ContainerSpec of(String image, String runId, List<Integer> ports) {
        return new ContainerSpec(image, Map.of(Engine.RUN_LABEL, runId), ports);
    }
}
