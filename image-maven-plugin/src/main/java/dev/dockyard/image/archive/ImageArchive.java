package dev.dockyard.image.archive;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

import dev.dockyard.image.engine.Engine;
import dev.dockyard.image.engine.EngineException;
import dev.dockyard.image.engine.ImageDetails;
import dev.dockyard.image.engine.ImageReports;
import dev.dockyard.image.support.Sha256;

/**
 * The image-archive use case ({@code image:save}): the image as a gzipped docker-archive, its {@code .sha256} (in
 * the {@code sha256sum} format) and {@code image-metadata.json} (id, tags, size, created, git revision, archive
 * name, digest) next to it.
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
        Path archive = request.archive();
        Files.createDirectories(archive.toAbsolutePath().getParent());
        String hex;
        try (OutputStream file = Files.newOutputStream(archive);
             Sha256.DigestingOutputStream digest = new Sha256.DigestingOutputStream(file);
             GZIPOutputStream gzip = new GZIPOutputStream(digest, 1 << 16)) {
            engine.save(details.id(), gzip);
            gzip.finish();
            hex = digest.hex();
        }
        Path checksum = archive.resolveSibling(archive.getFileName() + ".sha256");
        Files.writeString(checksum, hex + "  " + archive.getFileName() + "\n", StandardCharsets.US_ASCII);
        Path metadata = archive.resolveSibling(METADATA_FILE);
        ImageReports.writeJson(metadata(details, request, hex), metadata);
        return new ArchiveResult(details, archive, checksum, metadata, hex, Files.size(archive));
    }

    private static Map<String, Object> metadata(ImageDetails image, ArchiveRequest request, String sha256) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", image.id());
        json.put("tags", image.tags());
        json.put("size", image.size());
        json.put("created", image.created());
        json.put("revision", request.revision());
        json.put("archive", request.archive().getFileName().toString());
        json.put("sha256", sha256);
        return json;
    }
}
