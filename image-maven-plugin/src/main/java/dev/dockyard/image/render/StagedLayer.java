package dev.dockyard.image.render;

import java.util.List;

/**
 * A layer as staged in the build context.
 *
 * @param layer which layer
 * @param files file names in the layer directory, in classpath order
 * @param bytes total size of the files
 */
public record StagedLayer(Layer layer, List<String> files, long bytes) {

    public StagedLayer {
        files = List.copyOf(files);
    }
}
