package dev.dockyard.image.archive;

import dev.dockyard.image.model.ImageDetails;
import java.nio.file.Path;

/**
 * An image read from an archive.
 *
 * @param file   the archive
 * @param format {@code docker save} or {@code OCI image layout}
 * @param image  the image, described as the engine would
 */
public record ReadArchive(Path file, String format, ImageDetails image) {}
