package dev.dockyard.image.engine;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What to build.
 *
 * @param context    the build context directory (only what its {@code .dockerignore} lets through is sent)
 * @param dockerfile the Dockerfile, relative to {@code context}
 * @param tags       full references to tag the image with, {@code name:tag}; the first is the main one
 * @param buildArgs  {@code --build-arg} values
 * @param labels     labels added to the image besides the Dockerfile's
 * @param pull       when base images are pulled
 * @param workDirectory where the context tar is written before it is sent
 * @param noCache    build every step anew, using no cached layer of an earlier build
 */
public record BuildRequest(
        Path context,
        String dockerfile,
        List<String> tags,
        Map<String, String> buildArgs,
        Map<String, String> labels,
        PullPolicy pull,
        Path workDirectory,
        boolean noCache) {

    public BuildRequest {
        tags = List.copyOf(tags);
        buildArgs = Map.copyOf(buildArgs);
        labels = Map.copyOf(labels);
    }
}
