package dev.dockyard.image.render;

import java.util.List;
import java.util.Map;

/**
 * How the image should look, as configured by the user.
 *
 * @param name repository name, optionally with a registry prefix
 * @param tags tags, first one is the primary tag
 * @param user numeric {@code uid:gid} the process runs as
 * @param workdir absolute working directory of the application
 * @param ports exposed TCP ports, the main one first
 * @param volumes absolute paths declared as volumes and created owned by {@link #user()}
 * @param env environment variables
 * @param labels extra labels (the OCI labels come from the POM)
 */
public record ImageSettings(
        String name,
        List<String> tags,
        String user,
        String workdir,
        List<Integer> ports,
        List<String> volumes,
        Map<String, String> env,
        Map<String, String> labels) {

    public ImageSettings {
        tags = List.copyOf(tags);
        ports = List.copyOf(ports);
        volumes = List.copyOf(volumes);
        env = Map.copyOf(env);
        labels = Map.copyOf(labels);
    }
}
