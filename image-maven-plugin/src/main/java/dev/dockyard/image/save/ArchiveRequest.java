package dev.dockyard.image.save;

import java.nio.file.Path;
import java.util.List;

/**
 * What {@link ImageArchive} saves.
 *
 * @param image      the image id or reference in the engine
 * @param name       the image name ({@code image.name}), for the metadata and the {@code -latest} copy
 * @param version    the project version
 * @param archive    the {@code .tar.gz} to write ({@code <image-name>-<version>.tar.gz} by default)
 * @param latestCopy also write {@code <image-name>-latest.tar.gz} (and its {@code .sha256})
 * @param revision   the git commit the image was built from, or {@code null}
 * @param baseImages the base images the Dockerfile names
 * @param module     the module saving ({@code groupId:artifactId}), recorded in the metadata so that two modules
 *                   saving into one directory are told apart
 * @param oci        write an OCI image layout ({@code image.archiveFormat=oci}) instead of a docker-archive
 */
public record ArchiveRequest(
        String image,
        String name,
        String version,
        Path archive,
        boolean latestCopy,
        String revision,
        List<String> baseImages,
        String module,
        boolean oci) {

    public ArchiveRequest {
        baseImages = List.copyOf(baseImages);
    }
}
