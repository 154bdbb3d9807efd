package dev.dockyard.image.archive;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

import dev.dockyard.image.engine.Engine;
import dev.dockyard.image.engine.EngineException;
import dev.dockyard.image.engine.ImageDetails;
import dev.dockyard.image.engine.ImageReports;

/**
 * Saves an image as a distributable archive: the engine's {@code docker save} stream gzipped straight to the file
 * (never the whole image in memory), its {@code .sha256} in {@code sha256sum -c} format, optionally a
 * {@code -latest} copy, and {@code image-metadata.json} (name, version, tags, id, digest, size, created, git
 * revision, base images, labels).
 */
public final class ImageArchiver {

    /** Name of the metadata file written next to the archive. */
    public static final String METADATA = "image-metadata.json";

    private final Engine engine;

    public ImageArchiver(Engine engine) {
        this.engine = engine;
    }

    public SavedArchive save(ArchiveRequest request) throws EngineException, IOException {
        ImageDetails image = engine.inspect(request.image());
        Path archive = request.archive().toAbsolutePath();
        Files.createDirectories(archive.getParent());
        MessageDigest sha256 = Checksums.sha256();
        Path partial = archive.resolveSibling(archive.getFileName() + ".part");
        try {
            try (OutputStream file = Files.newOutputStream(partial);
                 DigestOutputStream digest = new DigestOutputStream(file, sha256);
                 GZIPOutputStream gzip = new GZIPOutputStream(digest, 1 << 16)) {
                engine.save(image.id(), gzip);
            }
            Files.move(partial, archive, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(partial);
        }
        String hex = HexFormat.of().formatHex(sha256.digest());
        Path checksum = Checksums.write(archive, hex);
        Path latest = null;
        if (request.latestCopy()) {
            latest = archive.resolveSibling(ArchiveNames.latest(request.name()));
            if (!latest.equals(archive)) {
                Files.copy(archive, latest, StandardCopyOption.REPLACE_EXISTING);
                Checksums.write(latest, hex);
            }
        }
        List<String> repoDigests = engine.repoDigests(image.id());
        Path metadata = archive.resolveSibling(METADATA);
        ImageReports.writeJson(metadata(request, image, repoDigests, archive, hex), metadata);
        return new SavedArchive(archive, checksum, latest, metadata, hex, Files.size(archive), image.shortId());
    }

    private static Map<String, Object> metadata(ArchiveRequest request, ImageDetails image, List<String> repoDigests,
            Path archive, String sha256) {
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
