package dev.dockyard.image.save;

import dev.dockyard.image.model.ImageDetails;
import java.nio.file.Path;

/**
 * What {@link ImageArchive} wrote.
 *
 * @param image    the saved image
 * @param archive  the gzipped docker-archive
 * @param checksum its {@code .sha256} file
 * @param latest   the {@code -latest} copy, or {@code null}
 * @param metadata {@code image-metadata.json}
 * @param sha256   the archive's SHA-256, hex
 * @param bytes    the archive's size
 */
public record ArchiveResult(
        ImageDetails image, Path archive, Path checksum, Path latest, Path metadata, String sha256, long bytes) {}
