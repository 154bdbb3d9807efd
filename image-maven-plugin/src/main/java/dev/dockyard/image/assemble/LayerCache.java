package dev.dockyard.image.assemble;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The layers of the module's last assemblies, kept in its work directory: a {@code COPY} whose key (its instruction,
 * the layers below it and the digest of every file it copies, or the earlier stage's image id) is the same as last
 * time takes the same layer without reading its sources out of the engine or writing the tar again. A layer tar is
 * kept with what the file tree needs of it (its paths, which are directories). The base image is kept the same way,
 * by its image id: its configuration and its paths, so that a rebuild on the same base does not save it out of the
 * engine again. What one assembly did not use is deleted at its end, so the directory holds one image's layers.
 */
final class LayerCache {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path directory;
    private final Set<String> used = new HashSet<>();

    LayerCache(Path directory) {
        this.directory = directory;
    }

    /** A layer assembled earlier under {@code key}: its tar and its paths, or {@code null}. */
    Hit get(String key) throws IOException {
        Path index = directory.resolve(key + ".json");
        Path tar = directory.resolve(key + ".tar");
        if (!Files.isRegularFile(index) || !Files.isRegularFile(tar)) {
            return null;
        }
        JsonNode node;
        try {
            node = JSON.readTree(index.toFile());
        } catch (IOException e) {
            return null; // a damaged entry is rebuilt
        }
        if (node == null
                || !node.path("size").isNumber()
                || Files.size(tar) != node.get("size").asLong()) {
            return null;
        }
        Map<String, Boolean> paths = new LinkedHashMap<>();
        node.path("paths")
                .fields()
                .forEachRemaining(e -> paths.put(e.getKey(), e.getValue().asBoolean()));
        used.add(key);
        return new Hit(
                new Layer.Written(
                        tar, node.get("diffId").asText(), node.get("size").asLong()),
                paths);
    }

    /** Where the layer of {@code key} is written. */
    Path file(String key) throws IOException {
        Files.createDirectories(directory);
        used.add(key);
        return directory.resolve(key + ".tar");
    }

    /** Records the layer written to {@link #file(String)}. */
    void put(String key, Layer layer, Layer.Written written) throws IOException {
        ObjectNode node = JSON.createObjectNode();
        node.put("diffId", written.diffId());
        node.put("size", written.size());
        ObjectNode paths = node.putObject("paths");
        layer.entries().forEach((path, entry) -> paths.put(path, entry.isDirectory()));
        JSON.writeValue(directory.resolve(key + ".json").toFile(), node);
    }

    /**
     * What an earlier assembly read from the engine's save of the base image {@code imageId}: its configuration and
     * its file system's paths, or {@code null}. An image id names one content (the digest of its configuration, or of
     * its manifest in a containerd image store), so the same id means the same configuration and the same files.
     */
    Base base(String imageId) throws IOException {
        String key = baseKey(imageId);
        Path index = directory.resolve(key + ".json");
        if (!Files.isRegularFile(index)) {
            return null;
        }
        JsonNode node;
        try {
            node = JSON.readTree(index.toFile());
        } catch (IOException e) {
            return null; // a damaged entry is read from the engine again
        }
        if (node == null
                || !node.path("config").isTextual()
                || !node.path("paths").isObject()) {
            return null;
        }
        byte[] config = Base64.getDecoder().decode(node.get("config").asText());
        Map<String, Boolean> paths = new LinkedHashMap<>();
        node.get("paths")
                .fields()
                .forEachRemaining(e -> paths.put(e.getKey(), e.getValue().asBoolean()));
        List<Long> sizes = new java.util.ArrayList<>();
        node.path("layerSizes").forEach(size -> sizes.add(size.asLong()));
        used.add(key);
        return new Base(config, paths, sizes);
    }

    /** Records what {@link #base(String)} returns for {@code imageId}. */
    void putBase(String imageId, byte[] config, Map<String, Boolean> paths, List<Long> layerSizes) throws IOException {
        Files.createDirectories(directory);
        String key = baseKey(imageId);
        ObjectNode node = JSON.createObjectNode();
        node.put("config", Base64.getEncoder().encodeToString(config));
        ObjectNode tree = node.putObject("paths");
        paths.forEach(tree::put);
        var sizes = node.putArray("layerSizes");
        layerSizes.forEach(sizes::add);
        JSON.writeValue(directory.resolve(key + ".json").toFile(), node);
        used.add(key);
    }

    private static String baseKey(String imageId) {
        return "base-" + imageId.replaceFirst("^sha256:", "");
    }

    /** Deletes the layers this assembly did not use. */
    void prune() throws IOException {
        if (!Files.isDirectory(directory)) {
            return;
        }
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                String name = file.getFileName().toString();
                String key = name.replaceFirst("\\.(json|tar)$", "");
                if (!used.contains(key)) {
                    Files.deleteIfExists(file);
                }
            }
        }
    }

    record Hit(Layer.Written written, Map<String, Boolean> paths) {}

    /** A base image as an earlier assembly read it; {@code layerSizes} empty when that assembly did not record them. */
    record Base(byte[] config, Map<String, Boolean> paths, List<Long> layerSizes) {}
}
