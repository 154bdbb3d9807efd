package dev.dockyard.image.stage;

import java.nio.file.Path;
import java.util.Objects;

/**
 * One jar to stage into the build context.
 *
 * @param file the jar on disk
 * @param layer the layer it belongs to
 * @param groupId its group (used to tell apart jars with the same file name)
 */
public record ArtifactInput(Path file, Layer layer, String groupId) {
    public ArtifactInput {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(layer, "layer");
        Objects.requireNonNull(groupId, "groupId");
    }
}
