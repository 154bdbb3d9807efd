package dev.dockyard.image.engine;

import java.util.Collections;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A container to create on a network, as a stack runs its services.
 *
 * @param name            container name, unique on the engine
 * @param image           image reference or id
 * @param network         network to attach it to
 * @param alias           its DNS name on that network
 * @param env             environment variables
 * @param ports           container ports (TCP) to publish
 * @param sameHostPorts   publish each on the same host port; otherwise on a random one
 * @param labels          its labels
 * @param readOnly        read-only root filesystem
 * @param tmpfs           paths to mount as tmpfs
 * @param dropCapabilities drop every Linux capability
 * @param noNewPrivileges {@code no-new-privileges:true}
 * @param user            user to run as, or {@code null} for the image's
 */
public record ContainerSpec(String name, String image, String network, String alias, SortedMap<String, String> env,
        List<Integer> ports, boolean sameHostPorts, SortedMap<String, String> labels, boolean readOnly,
        List<String> tmpfs, boolean dropCapabilities, boolean noNewPrivileges, String user) {

    public ContainerSpec {
        env = Collections.unmodifiableSortedMap(new TreeMap<>(env));
        ports = List.copyOf(ports);
        labels = Collections.unmodifiableSortedMap(new TreeMap<>(labels));
        tmpfs = List.copyOf(tmpfs);
    }

    /** The environment as {@code NAME=value} entries. */
    public List<String> envEntries() {
        return env.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList();
    }
}
