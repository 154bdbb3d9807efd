package dev.dockyard.image.archive;

import java.nio.file.Path;

/**
 * What {@link ImageArchiver} wrote.
 *
 * @param archive  the {@code .tar.gz}
 * @param checksum its {@code .sha256}
 * @param latest   the {@code -latest} copy, or {@code null}
 * @param metadata {@code image-metadata.json}
 * @param sha256   the archive's SHA-256 (hex)
 * @param bytes    the archive's size
 * @param shortId  the image's short id
 */
public record SavedArchive(Path archive, Path checksum, Path latest, Path metadata, String sha256, long bytes,
        String shortId) {
}
