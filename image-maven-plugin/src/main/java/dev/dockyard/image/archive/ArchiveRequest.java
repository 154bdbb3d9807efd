package dev.dockyard.image.archive;

import java.nio.file.Path;

/**
 * What {@link ImageArchive} saves.
 *
 * @param image    the image id or reference
 * @param archive  the {@code .tar.gz} to write
 * @param revision the git commit the image was built from, or {@code null}
 */
public record ArchiveRequest(String image, Path archive, String revision) {
}
