package dev.dockyard.image.engine;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A container to start.
 *
 * @param image            image id or reference
 * @param labels           labels of the container (the plugin always sets {@value Engine#RUN_LABEL})
 * @param ports            container TCP ports to publish, each on a random host port unless {@code sameHostPorts}
 * @param name             container name, unique on the engine, or {@code null} for one the engine picks
 * @param network          network to attach it to, or {@code null} for the default bridge
 * @param alias            its DNS name on that network, or {@code null}
 * @param env              environment variables
 * @param sameHostPorts    publish each port on the same host port instead of a random one
 * @param readOnly         read-only root filesystem
 * @param tmpfs            paths to mount as tmpfs
 * @param dropCapabilities drop every Linux capability
 * @param noNewPrivileges  {@code no-new-privileges:true}
 * @param user             user to run as, or {@code null} for the image's
 * @param memoryLimit      the container's memory limit in bytes (swap included), or 0 for none
 */
public record ContainerSpec(
        String image,
        Map<String, String> labels,
        List<Integer> ports,
        String name,
        String network,
        String alias,
        SortedMap<String, String> env,
        boolean sameHostPorts,
        boolean readOnly,
        List<String> tmpfs,
        boolean dropCapabilities,
        boolean noNewPrivileges,
        String user,
        long memoryLimit) {

    public ContainerSpec {
        labels = new TreeMap<>(labels);
        ports = List.copyOf(ports);
        env = Collections.unmodifiableSortedMap(new TreeMap<>(env));
        tmpfs = List.copyOf(tmpfs);
    }

    /** A container of {@code image} on the default network, as the engine and image configure it. */
    public ContainerSpec(String image, Map<String, String> labels, List<Integer> ports) {
        this(image, labels, ports, null, null, null, new TreeMap<>(), false, false, List.of(), false, false, null, 0);
    }

    /** A container of {@code image} labelled {@value Engine#RUN_LABEL}{@code =runId}. */
    public static ContainerSpec of(String image, String runId, List<Integer> ports) {
        return new ContainerSpec(image, Map.of(Engine.RUN_LABEL, runId), ports);
    }

    /** This container with a memory limit in bytes (0: none). */
    public ContainerSpec withMemoryLimit(long bytes) {
        return new ContainerSpec(
                image,
                labels,
                ports,
                name,
                network,
                alias,
                env,
                sameHostPorts,
                readOnly,
                tmpfs,
                dropCapabilities,
                noNewPrivileges,
                user,
                bytes);
    }

    /** The environment as {@code NAME=value} entries. */
    public List<String> envEntries() {
        return env.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList();
    }
}
