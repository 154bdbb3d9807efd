package dev.dockyard.image.save;

import dev.dockyard.image.archive.ArchiveNames;
import dev.dockyard.image.engine.Engine;
import dev.dockyard.image.engine.EngineException;
import dev.dockyard.image.model.ImageDetails;
import dev.dockyard.image.support.Json;
import dev.dockyard.image.support.Sha256;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

/**
 * The image-archive use case ({@code image:save}): the engine's {@code docker save} stream gzipped straight to the
 * file (never the whole image in memory), its {@code .sha256} in the {@code sha256sum -c} format, optionally a
 * {@code <image-name>-latest.tar.gz} copy, and {@code image-metadata.json} (name, version, tags, id, digest, size,
 * created, git revision, base images, labels, archive, sha256) next to it.
 */
public final class ImageArchive {

    /** Name of the metadata file written next to the archive. */
    public static final String METADATA_FILE = "image-metadata.json";

    private final Engine engine;

    public ImageArchive(Engine engine) {
        this.engine = engine;
    }

    public ArchiveResult save(ArchiveRequest request) throws EngineException, IOException {
        ImageDetails details = engine.inspect(request.image());
        Path archive = request.archive().toAbsolutePath();
        Files.createDirectories(archive.getParent());
        // written under another name first: an interrupted save leaves no archive that looks complete
        Path partial = archive.resolveSibling(archive.getFileName() + ".part");
        String hex;
        try {
            try (OutputStream file = Files.newOutputStream(partial);
                    Sha256.DigestingOutputStream digest = new Sha256.DigestingOutputStream(file);
                    GZIPOutputStream gzip = new GZIPOutputStream(digest, 1 << 16)) {
                engine.save(details.id(), gzip);
                gzip.finish();
                hex = digest.hex();
            }
            Files.move(partial, archive, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(partial);
        }
        Path checksum = writeChecksum(archive, hex);
        Path latest = null;
        if (request.latestCopy()) {
            latest = archive.resolveSibling(ArchiveNames.latest(request.name()));
            if (!latest.equals(archive)) {
                Files.copy(archive, latest, StandardCopyOption.REPLACE_EXISTING);
                writeChecksum(latest, hex);
            }
        }
        List<String> repoDigests = engine.repoDigests(details.id());
        Path metadata = archive.resolveSibling(METADATA_FILE);
        Json.write(metadata(details, request, repoDigests, archive, hex), metadata);
        return new ArchiveResult(details, archive, checksum, latest, metadata, hex, Files.size(archive));
    }

    /** Writes {@code <file>.sha256} next to {@code file}, as {@code sha256sum} does; returns it. */
    public static Path writeChecksum(Path file, String hex) throws IOException {
        Path checksum =
                file.resolveSibling(ArchiveNames.checksum(file.getFileName().toString()));
        Files.writeString(checksum, hex + "  " + file.getFileName() + "\n", StandardCharsets.US_ASCII);
        return checksum;
    }

    private static Map<String, Object> metadata(
            ImageDetails image, ArchiveRequest request, List<String> repoDigests, Path archive, String sha256) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("name", request.name());
        json.put("version", request.version());
        json.put("tags", image.tags());
        json.put("id", image.id());
        String digest = repoDigests.isEmpty() ? null : repoDigests.get(0);
        json.put("digest", digest == null ? null : digest.substring(digest.indexOf('@') + 1));
        json.put("repoDigests", repoDigests);
        json.put("size", image.size());
        json.put("created", image.created());
        json.put("revision", request.revision());
        json.put("baseImages", request.baseImages());
        json.put("labels", image.labels());
        json.put("archive", archive.getFileName().toString());
        json.put("sha256", sha256);
        return json;
    }
}
