package dev.dockyard.image.archive;

import dev.dockyard.image.model.ImageDetails;
import java.nio.file.Path;
import java.util.List;

/**
 * An image read from an archive.
 *
 * @param file   the archive
 * @param format {@code docker save} or {@code OCI image layout}
 * @param image  the image, described as the engine would
 * @param layers the archive's entries that hold the image's layers, lowest first
 */
public record ReadArchive(Path file, String format, ImageDetails image, List<String> layers) {

    public ReadArchive {
        layers = List.copyOf(layers);
    }
}
