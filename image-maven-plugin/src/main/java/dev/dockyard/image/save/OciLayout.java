package dev.dockyard.image.save;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dockyard.image.assemble.AssembledImage;
import dev.dockyard.image.assemble.PlatformImages;
import dev.dockyard.image.support.Sha256;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.apache.commons.compress.archivers.tar.TarFile;

/**
 * An image as an OCI image layout ({@code image.archiveFormat=oci}), written from its docker-archive: the
 * configuration and the uncompressed layer tars as blobs under {@code blobs/sha256/}, an image manifest naming them,
 * {@code index.json} with one entry per tag ({@code org.opencontainers.image.ref.name}) and {@code oci-layout}. The
 * same image gives the same bytes: entries sorted, the archive's own time on each, no owner names.
 */
final class OciLayout {

    static final String MANIFEST = "application/vnd.oci.image.manifest.v1+json";
    static final String CONFIG = "application/vnd.oci.image.config.v1+json";
    static final String LAYER = "application/vnd.oci.image.layer.v1.tar";
    static final String INDEX = "application/vnd.oci.image.index.v1+json";

    private static final ObjectMapper JSON = new ObjectMapper();

    private OciLayout() {}

    /** Writes the layout of the docker-archive {@code dockerArchive} to {@code out} as a tar. */
    static void write(Path dockerArchive, List<String> tags, OutputStream out) throws IOException {
        try (TarFile docker = new TarFile(dockerArchive.toFile())) {
            Map<String, TarArchiveEntry> entries = new TreeMap<>();
            docker.getEntries().forEach(e -> entries.put(e.getName().replaceFirst("^\\./", ""), e));
            TarArchiveEntry manifestEntry = entries.get("manifest.json");
            if (manifestEntry == null) {
                throw new IOException("the engine's archive has no manifest.json");
            }
            Date time = manifestEntry.getModTime();
            JsonNode dockerManifest = JSON.readTree(read(docker, manifestEntry)).get(0);
            byte[] config =
                    read(docker, entries.get(dockerManifest.get("Config").asText()));

            Map<String, TarArchiveEntry> blobs = new LinkedHashMap<>();
            ObjectNode manifest = JSON.createObjectNode();
            manifest.put("schemaVersion", 2);
            manifest.put("mediaType", MANIFEST);
            manifest.set("config", descriptor(CONFIG, "sha256:" + Sha256.hex(config), config.length));
            ArrayNode layers = manifest.putArray("layers");
            for (JsonNode name : dockerManifest.get("Layers")) {
                TarArchiveEntry layer = entries.get(name.asText());
                String digest;
                try (InputStream in = docker.getInputStream(layer)) {
                    digest = "sha256:" + Sha256.hex(in);
                }
                layers.add(descriptor(LAYER, digest, layer.getSize()));
                blobs.put(digest.substring(7), layer);
            }
            byte[] manifestBytes = JSON.writeValueAsBytes(manifest);
            String manifestDigest = "sha256:" + Sha256.hex(manifestBytes);

            TreeMap<String, Blob> sorted = new TreeMap<>();
            sorted.put(Sha256.hex(config), Blob.of(config));
            sorted.put(manifestDigest.substring(7), Blob.of(manifestBytes));
            blobs.forEach((hex, layer) -> sorted.put(hex, new Blob(layer.getSize(), tar -> {
                try (InputStream in = docker.getInputStream(layer)) {
                    in.transferTo(tar);
                }
            })));
            writeLayout(sorted, MANIFEST, manifestDigest, manifestBytes.length, tags, time, out);
        }
    }

    /**
     * Writes the images of each platform as one layout to {@code out} (a tar): every platform's configuration, layer
     * tars (uncompressed; a layer two platforms share is one blob) and manifest, an image index naming each manifest
     * with its platform, and {@code index.json} with one entry per tag pointing at that index.
     *
     * @throws IOException also when an image builds on a base whose layers Dockyard did not write
     */
    static void writePlatforms(PlatformImages images, List<String> tags, OutputStream out) throws IOException {
        TreeMap<String, Blob> blobs = new TreeMap<>();
        ObjectNode platformIndex = JSON.createObjectNode();
        platformIndex.put("schemaVersion", 2);
        platformIndex.put("mediaType", INDEX);
        ArrayNode entries = platformIndex.putArray("manifests");
        Date time = null;
        for (Map.Entry<String, AssembledImage> platform : images.images().entrySet()) {
            AssembledImage image = platform.getValue();
            if (!image.whole()) {
                throw new IOException("the " + platform.getKey() + " image builds on " + image.base()
                        + ", whose layers only its registry has");
            }
            JsonNode config = JSON.readTree(image.config());
            if (time == null) {
                time = Date.from(java.time.Instant.parse(config.path("created").asText("1980-01-01T00:00:00Z")));
            }
            ObjectNode manifest = JSON.createObjectNode();
            manifest.put("schemaVersion", 2);
            manifest.put("mediaType", MANIFEST);
            manifest.set("config", descriptor(CONFIG, image.id(), image.config().length));
            ArrayNode layers = manifest.putArray("layers");
            for (AssembledImage.LayerFile layer : image.layers()) {
                layers.add(descriptor(LAYER, layer.diffId(), layer.size()));
                blobs.put(layer.diffId().substring(7), new Blob(layer.size(), tar -> Files.copy(layer.tar(), tar)));
            }
            byte[] manifestBytes = JSON.writeValueAsBytes(manifest);
            String manifestDigest = Sha256.hex(manifestBytes);
            blobs.put(image.id().substring(7), Blob.of(image.config()));
            blobs.put(manifestDigest, Blob.of(manifestBytes));
            ObjectNode entry = descriptor(MANIFEST, "sha256:" + manifestDigest, manifestBytes.length);
            ObjectNode of = entry.putObject("platform");
            of.put("architecture", config.path("architecture").asText());
            of.put("os", config.path("os").asText());
            if (config.path("variant").isTextual()) {
                of.put("variant", config.path("variant").asText());
            }
            entries.add(entry);
        }
        byte[] platformBytes = JSON.writeValueAsBytes(platformIndex);
        String platformDigest = Sha256.hex(platformBytes);
        blobs.put(platformDigest, Blob.of(platformBytes));
        writeLayout(blobs, INDEX, "sha256:" + platformDigest, platformBytes.length, tags, time, out);
    }

    /** One blob of a layout: its size, and what writes its bytes. */
    private record Blob(long size, Content content) {

        static Blob of(byte[] bytes) {
            return new Blob(bytes.length, out -> out.write(bytes));
        }
    }

    private interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    /**
     * Writes a layout to {@code out} as a tar: the blobs by hex digest, sorted, then {@code index.json} with one entry
     * per tag naming the manifest (or index) {@code digest}, then {@code oci-layout}.
     */
    private static void writeLayout(
            TreeMap<String, Blob> blobs,
            String mediaType,
            String digest,
            long size,
            List<String> tags,
            Date time,
            OutputStream out)
            throws IOException {
        ObjectNode index = JSON.createObjectNode();
        index.put("schemaVersion", 2);
        index.put("mediaType", INDEX);
        ArrayNode manifests = index.putArray("manifests");
        for (String tag : tags) {
            ObjectNode entry = descriptor(mediaType, digest, size);
            entry.putObject("annotations")
                    .put("org.opencontainers.image.ref.name", tag.substring(tag.lastIndexOf(':') + 1));
            manifests.add(entry);
        }
        TarArchiveOutputStream tar = new TarArchiveOutputStream(out, StandardCharsets.UTF_8.name());
        tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
        tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
        directory(tar, "blobs/", time);
        directory(tar, "blobs/sha256/", time);
        for (Map.Entry<String, Blob> blob : blobs.entrySet()) {
            tar.putArchiveEntry(
                    entry("blobs/sha256/" + blob.getKey(), blob.getValue().size(), time));
            blob.getValue().content().writeTo(tar);
            tar.closeArchiveEntry();
        }
        file(tar, "index.json", JSON.writeValueAsBytes(index), time);
        file(tar, "oci-layout", "{\"imageLayoutVersion\":\"1.0.0\"}".getBytes(StandardCharsets.UTF_8), time);
        tar.finish();
    }

    private static ObjectNode descriptor(String mediaType, String digest, long size) {
        ObjectNode node = JSON.createObjectNode();
        node.put("mediaType", mediaType);
        node.put("digest", digest);
        node.put("size", size);
        return node;
    }

    private static byte[] read(TarFile tar, TarArchiveEntry entry) throws IOException {
        if (entry == null) {
            throw new IOException("the engine's archive lacks a file its manifest names");
        }
        try (InputStream in = tar.getInputStream(entry)) {
            return in.readAllBytes();
        }
    }

    private static TarArchiveEntry entry(String name, long size, Date time) {
        TarArchiveEntry entry = new TarArchiveEntry(name);
        entry.setSize(size);
        entry.setMode(0644);
        entry.setModTime(time);
        entry.setUserName("");
        entry.setGroupName("");
        return entry;
    }

    private static void file(TarArchiveOutputStream tar, String name, byte[] bytes, Date time) throws IOException {
        tar.putArchiveEntry(entry(name, bytes.length, time));
        tar.write(bytes);
        tar.closeArchiveEntry();
    }

    private static void directory(TarArchiveOutputStream tar, String name, Date time) throws IOException {
        TarArchiveEntry entry = new TarArchiveEntry(name, TarConstants.LF_DIR);
        entry.setMode(0755);
        entry.setModTime(time);
        entry.setUserName("");
        entry.setGroupName("");
        tar.putArchiveEntry(entry);
        tar.closeArchiveEntry();
    }
}
