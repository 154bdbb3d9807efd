package dev.dockyard.image.stage;

import java.util.List;

/**
 * A layer as staged in the build context.
 *
 * @param name the layer's name ({@code dependencies}, {@code application}, or one a Spring Boot jar's
 *        {@code layers.idx} names)
 * @param contextDirectory its directory in the context, {@code layers/<name>}
 * @param imageDirectory where it goes, relative to the image's work directory; empty for the work directory
 * @param files paths inside the layer directory, in classpath order
 * @param bytes total size of the files
 */
public record StagedLayer(String name, String contextDirectory, String imageDirectory, List<String> files, long bytes) {

    public StagedLayer {
        files = List.copyOf(files);
    }
}
