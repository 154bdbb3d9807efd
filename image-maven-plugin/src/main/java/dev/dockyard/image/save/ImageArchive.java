package dev.dockyard.image.save;

import static dev.dockyard.image.support.CoreException.mention;

import dev.dockyard.image.archive.ArchiveNames;
import dev.dockyard.image.assemble.AssembledImage;
import dev.dockyard.image.assemble.PlatformImages;
import dev.dockyard.image.engine.Engine;
import dev.dockyard.image.engine.EngineException;
import dev.dockyard.image.model.ImageDetails;
import dev.dockyard.image.support.Json;
import dev.dockyard.image.support.Sha256;
import dev.dockyard.image.support.UserFixableException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
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

    private final ArchiveSource source;

    public ImageArchive(Engine engine) {
        this(ArchiveSource.of(engine));
    }

    /** Saves the image {@code source} gives. */
    public ImageArchive(ArchiveSource source) {
        this.source = source;
    }

    /** What writes an archive's content to its (gzipped) stream. */
    private interface Content {
        void write(OutputStream out) throws EngineException, IOException;
    }

    public ArchiveResult save(ArchiveRequest request) throws EngineException, IOException, UserFixableException {
        Path archive = request.archive().toAbsolutePath();
        requireOwnFiles(request, archive);
        ImageDetails details = source.inspect(request.image());
        return write(source, request, details, Map.of(), gzip -> {
            if (request.oci()) {
                Path docker = archive.resolveSibling(archive.getFileName() + ".docker.part");
                try {
                    try (OutputStream out = Files.newOutputStream(docker)) {
                        source.save(details.id(), out);
                    }
                    OciLayout.write(docker, details.tags(), gzip);
                } finally {
                    Files.deleteIfExists(docker);
                }
            } else {
                source.save(details.id(), gzip);
            }
        });
    }

    /**
     * Saves the images of each platform ({@code image.platforms}) as one OCI image layout, whose index names every
     * platform's image; the metadata describes {@code main}'s image and lists every platform's.
     *
     * @throws UserFixableException when the request asks for docker save's format, which holds one platform
     */
    public static ArchiveResult savePlatforms(PlatformImages images, String main, ArchiveRequest request)
            throws IOException, UserFixableException {
        if (!request.oci()) {
            throw new UserFixableException(
                    "archiveFormat",
                    "docker, docker save's format, holds one platform's image, and image:build built one for each"
                            + " of " + String.join(", ", images.images().keySet()) + ": use oci (an OCI image"
                            + " layout holds them all).");
        }
        for (Map.Entry<String, AssembledImage> entry : images.images().entrySet()) {
            if (!entry.getValue().whole()) {
                throw new UserFixableException(
                        "runtimeImage",
                        "the " + entry.getKey() + " image builds on "
                                + entry.getValue().base() + ", whose layers"
                                + " only its registry has, and an archive of every platform holds the images Dockyard"
                                + " wrote every layer of (the template java-service, on scratch): push the images"
                                + " (image:push) instead, or build on scratch.");
            }
        }
        Path archive = request.archive().toAbsolutePath();
        requireOwnFiles(request, archive);
        List<String> tags = List.of(request.name() + ":" + request.version());
        ImageDetails details = images.images().get(main).details(tags);
        List<Map<String, Object>> platforms = new ArrayList<>();
        for (Map.Entry<String, AssembledImage> entry : images.images().entrySet()) {
            ImageDetails image = entry.getValue().details(tags);
            Map<String, Object> described = new LinkedHashMap<>();
            described.put("platform", entry.getKey());
            described.put("id", image.id());
            described.put("size", image.size());
            platforms.add(described);
        }
        try {
            return write(
                    null,
                    request,
                    details,
                    Map.of("platforms", platforms),
                    gzip -> OciLayout.writePlatforms(images, tags, gzip));
        } catch (EngineException e) {
            throw new IOException(e.getMessage(), e); // unreachable: no engine is asked
        }
    }

    /** Writes the archive, its checksum, the -latest copy and the metadata; {@code source} gives repository digests. */
    private static ArchiveResult write(
            ArchiveSource source,
            ArchiveRequest request,
            ImageDetails details,
            Map<String, Object> more,
            Content content)
            throws EngineException, IOException {
        Path archive = request.archive().toAbsolutePath();
        Files.createDirectories(archive.getParent());
        // written under another name first: an interrupted save leaves no archive that looks complete
        Path partial = archive.resolveSibling(archive.getFileName() + ".part");
        String hex;
        try {
            try (OutputStream file = Files.newOutputStream(partial);
                    Sha256.DigestingOutputStream digest = new Sha256.DigestingOutputStream(file);
                    GZIPOutputStream gzip = new GZIPOutputStream(digest, 1 << 16)) {
                content.write(gzip);
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
        List<String> repoDigests = source == null ? List.of() : source.repoDigests(details.id());
        Path metadata = archive.resolveSibling(METADATA_FILE);
        Map<String, Object> json = metadata(details, request, repoDigests, archive, hex);
        json.putAll(more);
        Json.write(json, metadata);
        return new ArchiveResult(details, archive, checksum, latest, metadata, hex, Files.size(archive));
    }

    /**
     * Refuses to replace what Dockyard did not write or another module wrote: the {@code image-metadata.json} next to
     * the archive records which module saved which archive there; an archive, {@code -latest} copy or checksum that
     * exists without such a record of this module is the user's, and metadata of another module means two modules
     * save into one directory.
     *
     * @throws UserFixableException naming {@code saveFile}
     */
    static void requireOwnFiles(ArchiveRequest request, Path archive) throws UserFixableException, IOException {
        Path metadata = archive.resolveSibling(METADATA_FILE);
        Map<String, Object> recorded = null;
        if (Files.exists(metadata)) {
            try {
                recorded = Json.read(metadata);
            } catch (IOException e) {
                recorded = null;
            }
            if (recorded == null || !recorded.containsKey("archive") || !recorded.containsKey("sha256")) {
                throw new UserFixableException(
                        "saveFile",
                        "'" + metadata + "' exists and was not written by Dockyard: it is not overwritten. Save"
                                + " into a directory of its own (e.g. under target/), or remove that file if it is"
                                + " yours to lose.");
            }
            Object other = recorded.get("module");
            if (other != null && !other.equals(request.module())) {
                throw new UserFixableException(
                        "saveFile",
                        "modules " + other + " and " + request.module() + " both save into " + archive.getParent()
                                + " (" + METADATA_FILE + " there is " + other + "'s): give each module an"
                                + " " + mention("saveFile") + " in a directory of its own.");
            }
        }
        String ownArchive = recorded == null ? null : String.valueOf(recorded.get("archive"));
        List<Path> written = new ArrayList<>(List.of(
                archive,
                archive.resolveSibling(
                        ArchiveNames.checksum(archive.getFileName().toString()))));
        if (request.latestCopy()) {
            Path latest = archive.resolveSibling(ArchiveNames.latest(request.name()));
            written.add(latest);
            written.add(latest.resolveSibling(
                    ArchiveNames.checksum(latest.getFileName().toString())));
        }
        for (Path file : written) {
            boolean ours = recorded != null
                    && (archive.getFileName().toString().equals(ownArchive)
                            || file.getFileName().toString().contains("-latest"));
            if (Files.exists(file) && !ours) {
                throw new UserFixableException(
                        "saveFile",
                        "'" + file + "' exists and was not written by Dockyard (no " + METADATA_FILE + " of this"
                                + " module next to it records it): it is not overwritten. Choose another file, or"
                                + " remove this one if it is yours to lose.");
            }
        }
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
        json.put("module", request.module());
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
        json.put("format", request.oci() ? "oci" : "docker");
        json.put("sha256", sha256);
        return json;
    }
}
