package dev.dockyard.image.archive;

import static dev.dockyard.image.support.CoreException.mention;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dockyard.image.model.ImageDetails;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

/**
 * Reads a saved image without an engine: the Docker {@code save} format ({@code manifest.json}, the config
 * {@code <id>.json}, {@code <layer>/layer.tar}) or an OCI image layout ({@code oci-layout}, {@code index.json},
 * {@code blobs/sha256/...}), as {@code .tar} or gzipped {@code .tar.gz} (recognised by content, not by name).
 * The archive is streamed once: only its small JSON documents are kept, the layers are only measured.
 *
 * <p>An archive is untrusted input: sizes are those of the bytes actually read (never a header's or a manifest's
 * claim), at most {@value #MAX_ENTRIES} entries are read, a document is at most 4 MiB and all kept documents together
 * at most 64 MiB, so that a hostile archive fails naming the archive and the limit instead of exhausting the heap.
 */
public final class ArchiveReader {

    /** Entries up to this size are kept for parsing (manifests, configs, indexes); larger ones are layers. */
    private static final int DOCUMENT_LIMIT = 4 << 20;
    /** The most bytes of documents kept from one archive. */
    static final long MAX_DOCUMENTS = 64L << 20;
    /** The most tar entries read from one archive: far above any saved image's. */
    static final int MAX_ENTRIES = 100_000;

    private final ObjectMapper json = new ObjectMapper();

    /** The image in {@code file}, described as the engine would. */
    public ReadArchive read(Path file) throws ArchiveException {
        if (!Files.isRegularFile(file)) {
            throw new ArchiveException("The image archive " + file + " does not exist: save the image first"
                    + " (image:save), or name an archive with -D" + mention("archive") + "=FILE.");
        }
        Map<String, byte[]> documents = new HashMap<>();
        Map<String, Long> sizes = new HashMap<>();
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
                TarArchiveInputStream tar = new TarArchiveInputStream(gunzipped(raw))) {
            TarArchiveEntry entry;
            int entries = 0;
            long kept = 0;
            while ((entry = tar.getNextEntry()) != null) {
                entries++;
                if (entries > MAX_ENTRIES) {
                    throw new ArchiveException(file + " holds more than " + MAX_ENTRIES + " entries, more than any"
                            + " saved image: it is not read further. Check where the archive comes from.");
                }
                if (!entry.isFile()) {
                    continue;
                }
                String name = normalise(entry.getName());
                long read;
                if (entry.getSize() >= 0 && entry.getSize() <= DOCUMENT_LIMIT) {
                    byte[] bytes = tar.readNBytes(DOCUMENT_LIMIT);
                    read = bytes.length;
                    if (isDocument(name, bytes)) {
                        kept += bytes.length;
                        if (kept > MAX_DOCUMENTS) {
                            throw new ArchiveException(file + " holds more than " + (MAX_DOCUMENTS >> 20) + " MiB of"
                                    + " manifests and configurations, more than any saved image: it is not read"
                                    + " further. Check where the archive comes from.");
                        }
                        documents.put(name, bytes);
                    }
                } else {
                    read = tar.transferTo(java.io.OutputStream.nullOutputStream());
                }
                // the size is what was read: a truncated entry is noticed here, a header's claim is not believed
                if (read < entry.getSize()) {
                    throw new java.io.EOFException("entry " + name + " is cut short");
                }
                sizes.put(name, read);
            }
            if (entries == 0) {
                throw new ArchiveException(file + " is not an image archive: it holds no tar entries. Save the"
                        + " image again (image:save or docker save).");
            }
        } catch (IOException e) {
            throw new ArchiveException(file + " is truncated or not a tar archive (" + reason(e) + "): save the"
                    + " image again (image:save or docker save) and copy it completely.");
        }
        if (documents.containsKey("manifest.json")) {
            return dockerSave(file, documents, sizes);
        }
        if (documents.containsKey("oci-layout") && documents.containsKey("index.json")) {
            return ociLayout(file, documents, sizes);
        }
        throw new ArchiveException(file + " is a tar archive but no saved image: it has neither manifest.json"
                + " (docker save format) nor oci-layout and index.json (OCI image layout).");
    }

    /** A JSON document (or the oci-layout file) the reading needs, not a small layer. */
    private static boolean isDocument(String name, byte[] bytes) {
        if (name.equals("oci-layout") || name.endsWith(".json")) {
            return true;
        }
        for (byte b : bytes) {
            if (!Character.isWhitespace(b)) {
                return b == '{' || b == '[';
            }
        }
        return false;
    }

    static InputStream gunzipped(InputStream in) throws IOException {
        in.mark(2);
        int first = in.read();
        int second = in.read();
        in.reset();
        return first == 0x1f && second == 0x8b ? new GzipCompressorInputStream(in, true) : in;
    }

    private ReadArchive dockerSave(Path file, Map<String, byte[]> documents, Map<String, Long> sizes)
            throws ArchiveException {
        JsonNode manifest = parse(file, "manifest.json", documents.get("manifest.json"));
        if (!manifest.isArray() || manifest.isEmpty()) {
            throw new ArchiveException(file + ": manifest.json lists no image.");
        }
        JsonNode image = manifest.get(0);
        String configName = normalise(image.path("Config").asText(""));
        JsonNode config = parse(file, configName, require(file, documents, configName));
        List<Long> layerSizes = new ArrayList<>();
        List<String> layerNames = new ArrayList<>();
        for (JsonNode layer : image.path("Layers")) {
            String name = normalise(layer.asText());
            layerNames.add(name);
            Long size = sizes.get(name);
            if (size == null) {
                throw new ArchiveException(file + " is incomplete: manifest.json names the layer " + name
                        + ", which the archive does not hold. Save the image again.");
            }
            layerSizes.add(size);
        }
        List<String> tags = new ArrayList<>();
        image.path("RepoTags").forEach(tag -> tags.add(tag.asText()));
        String hex = configName.replace(".json", "");
        hex = hex.startsWith("blobs/sha256/") ? hex.substring("blobs/sha256/".length()) : hex;
        return new ReadArchive(
                file, "docker save", ImageDetails.fromConfig("sha256:" + hex, tags, config, layerSizes), layerNames);
    }

    private ReadArchive ociLayout(Path file, Map<String, byte[]> documents, Map<String, Long> sizes)
            throws ArchiveException {
        JsonNode index = parse(file, "index.json", documents.get("index.json"));
        JsonNode manifest = index;
        List<String> tags = new ArrayList<>();
        // an index may point at another index (multi-platform); follow the first manifest of each
        for (int depth = 0; depth < 4 && manifest.has("manifests"); depth++) {
            JsonNode descriptor = pick(manifest.path("manifests"));
            if (descriptor == null) {
                throw new ArchiveException(file + ": the OCI index lists no manifest.");
            }
            String tag = descriptor
                    .path("annotations")
                    .path("org.opencontainers.image.ref.name")
                    .asText("");
            if (!tag.isBlank()) {
                tags.add(tag);
            }
            String blob = blob(descriptor);
            manifest = parse(file, blob, require(file, documents, blob));
        }
        String configBlob = blob(manifest.path("config"));
        JsonNode config = parse(file, configBlob, require(file, documents, configBlob));
        List<Long> layerSizes = new ArrayList<>();
        List<String> layerNames = new ArrayList<>();
        for (JsonNode layer : manifest.path("layers")) {
            String blob = blob(layer);
            layerNames.add(blob);
            if (!sizes.containsKey(blob)) {
                throw new ArchiveException(file + " is incomplete: its manifest names the layer " + blob
                        + ", which the archive does not hold. Save the image again.");
            }
            layerSizes.add(sizes.get(blob)); // the bytes the archive holds, not the manifest's claim
        }
        String id = manifest.path("config").path("digest").asText("");
        return new ReadArchive(
                file, "OCI image layout", ImageDetails.fromConfig(id, tags, config, layerSizes), layerNames);
    }

    /** The linux/amd64 entry when the index names platforms, else the first. */
    private static JsonNode pick(JsonNode manifests) {
        JsonNode first = null;
        for (JsonNode descriptor : manifests) {
            if (first == null) {
                first = descriptor;
            }
            JsonNode platform = descriptor.path("platform");
            if ("amd64".equals(platform.path("architecture").asText())
                    && "linux".equals(platform.path("os").asText())) {
                return descriptor;
            }
        }
        return first;
    }

    private static String blob(JsonNode descriptor) {
        String digest = descriptor.path("digest").asText("");
        return "blobs/" + digest.replace(':', '/');
    }

    private static byte[] require(Path file, Map<String, byte[]> documents, String name) throws ArchiveException {
        byte[] content = documents.get(name);
        if (content == null) {
            throw new ArchiveException(file + " is incomplete: it has no " + name + ", which its manifest names."
                    + " Save the image again.");
        }
        return content;
    }

    private JsonNode parse(Path file, String name, byte[] content) throws ArchiveException {
        try {
            return json.readTree(new String(content, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new ArchiveException(
                    file + ": " + name + " is not valid JSON (" + reason(e) + "). Save the image" + " again.");
        }
    }

    static String normalise(String name) {
        String normalised = name.startsWith("./") ? name.substring(2) : name;
        return normalised.startsWith("/") ? normalised.substring(1) : normalised;
    }

    private static String reason(Exception e) {
        String message = e.getMessage();
        if (message == null || message.isBlank()) {
            return e instanceof java.io.EOFException
                    ? "unexpected end of file"
                    : e.getClass().getSimpleName();
        }
        int newline = message.indexOf('\n');
        return (newline < 0 ? message : message.substring(0, newline)).strip();
    }
}
