package dev.dockyard.image.engine;

import java.util.List;

/**
 * A built image.
 *
 * @param imageId      the image id, {@code sha256:...}
 * @param tags         the references it was tagged with
 * @param contextFiles files sent in the build context
 * @param contextBytes bytes of those files
 */
public record BuildResult(String imageId, List<String> tags, int contextFiles, long contextBytes) {}
