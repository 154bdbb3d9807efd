package dev.dockyard.image.stack;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Services for the stack's tests: a non-root user, an HTTP health check on the main port. */
final class Services {

    private Services() {}

    static ServiceSpec service(
            String name, String image, List<Integer> ports, Map<String, String> env, List<String> dependsOn) {
        return new ServiceSpec(
                name,
                name + "/pom.xml",
                image,
                ports,
                new TreeMap<>(env),
                List.of(),
                "65532:65532",
                new ServiceSpec.Health("/health", ports.isEmpty() ? -1 : ports.get(0), "10s", "3s", 3, "20s"),
                dependsOn,
                0);
    }
}
