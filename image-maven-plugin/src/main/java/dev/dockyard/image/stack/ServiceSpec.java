package dev.dockyard.image.stack;

import java.util.Collections;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One service of the stack: a module of the reactor that has an image.
 *
 * @param name        the service name: the module's artifactId (also its DNS alias on the stack's network)
 * @param origin      where it is configured (the module's POM), for messages
 * @param image       the image reference, {@code <image.name>:<first tag>}
 * @param ports       container ports, the main port first
 * @param env         environment variables
 * @param volumes     container paths of the image's volumes
 * @param user        the numeric {@code uid:gid} the image runs as
 * @param health      the image's health check, or {@code null} when the image has none
 * @param dependsOn   names of the services it needs healthy before it starts
 * @param memoryLimit its container's memory limit in bytes ({@code image.memoryLimit}), 0 for none
 */
public record ServiceSpec(
        String name,
        String origin,
        String image,
        List<Integer> ports,
        SortedMap<String, String> env,
        List<String> volumes,
        String user,
        Health health,
        List<String> dependsOn,
        long memoryLimit) {

    public ServiceSpec {
        ports = List.copyOf(ports);
        env = Collections.unmodifiableSortedMap(new TreeMap<>(env));
        volumes = List.copyOf(volumes);
        dependsOn = List.copyOf(dependsOn);
    }

    /** The main port (the first), or -1 when it publishes none. */
    public int mainPort() {
        return ports.isEmpty() ? -1 : ports.get(0);
    }

    /**
     * The image's health check, as configured for the image (the check itself is the image's).
     *
     * @param path        the HTTP path the check asks ({@code image.healthPath})
     * @param port        the container port it asks on ({@code image.healthPort}, by default the main port)
     * @param interval    time between checks, Docker duration syntax
     * @param timeout     time one check may take
     * @param retries     consecutive failures before unhealthy
     * @param startPeriod start-up grace period
     */
    public record Health(String path, int port, String interval, String timeout, int retries, String startPeriod) {}
}
