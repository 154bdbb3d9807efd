package dev.dockyard.image.save;

import dev.dockyard.image.assemble.AssembledImage;
import dev.dockyard.image.engine.Engine;
import dev.dockyard.image.engine.EngineException;
import dev.dockyard.image.model.ImageDetails;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Where a saved image comes from: the engine, or the image {@code image:build} assembled (no engine needed). */
public interface ArchiveSource {

    /** The image's details. */
    ImageDetails inspect(String image) throws EngineException, IOException;

    /** Writes the image as a docker-archive ({@code docker save}'s format). */
    void save(String imageId, OutputStream out) throws EngineException, IOException;

    /** The registry digests the image is known by, if any. */
    List<String> repoDigests(String imageId) throws EngineException;

    /** The engine's copy of the image. */
    static ArchiveSource of(Engine engine) {
        return new ArchiveSource() {
            @Override
            public ImageDetails inspect(String image) throws EngineException {
                return engine.inspect(image);
            }

            @Override
            public void save(String imageId, OutputStream out) throws EngineException {
                engine.save(imageId, out);
            }

            @Override
            public List<String> repoDigests(String imageId) throws EngineException {
                return engine.repoDigests(imageId);
            }
        };
    }

    /**
     * The assembled image, written from its configuration and layer tars in the work directory: for an image whose
     * every layer Dockyard wrote ({@link AssembledImage#whole()}).
     *
     * @param tags       the image's tags
     * @param repoDigest the digest it was pushed by, or {@code null}
     */
    static ArchiveSource of(AssembledImage image, List<String> tags, String repoDigest) {
        return new ArchiveSource() {
            @Override
            public ImageDetails inspect(String reference) throws IOException {
                return image.details(tags);
            }

            @Override
            public void save(String imageId, OutputStream out) throws IOException {
                Path file = Files.createTempFile("dockyard-assembled", ".tar");
                try {
                    image.writeDockerArchive(file, tags);
                    Files.copy(file, out);
                } finally {
                    Files.deleteIfExists(file);
                }
            }

            @Override
            public List<String> repoDigests(String imageId) {
                return repoDigest == null ? List.of() : List.of(repoDigest);
            }
        };
    }
}
