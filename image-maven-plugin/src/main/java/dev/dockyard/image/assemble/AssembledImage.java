package dev.dockyard.image.assemble;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dockyard.image.engine.Engine;
import dev.dockyard.image.engine.EngineException;
import dev.dockyard.image.model.ImageDetails;
import dev.dockyard.image.support.Sha256;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What {@code image:build} assembled, kept in the work directory for {@code image:push} to send to a registry
 * without the engine: the image's configuration (its digest is the image id), the tar of every layer Dockyard wrote
 * (uncompressed, named by the layer cache) and the base image the lower layers come from.
 *
 * @param config     the image configuration's bytes
 * @param base       the base image's reference as the Dockerfile names it, or {@code null} for {@code scratch} or an
 *                   earlier stage's image
 * @param baseLayers how many of the lowest layers are the base's
 * @param layers     the layers above the base, lowest first
 */
public record AssembledImage(byte[] config, String base, int baseLayers, List<LayerFile> layers) {

    static final String DIRECTORY = "assembled-image";

    private static final ObjectMapper JSON = new ObjectMapper();

    public AssembledImage {
        layers = List.copyOf(layers);
    }

    /** The image id: {@code sha256:} of the configuration. */
    public String id() {
        return "sha256:" + Sha256.hex(config);
    }

    /** One assembled layer: its diff ID ({@code sha256:} of the tar), the tar and its size. */
    public record LayerFile(String diffId, Path tar, long size) {}

    /**
     * The image assembled last in {@code workDirectory}, when it is there whole: empty when the image was built by
     * the engine or a layer tar has gone.
     */
    public static Optional<AssembledImage> read(Path workDirectory) throws IOException {
        Path directory = workDirectory.resolve(DIRECTORY);
        Path index = directory.resolve("image.json");
        Path config = directory.resolve("config.json");
        if (!Files.isRegularFile(index) || !Files.isRegularFile(config)) {
            return Optional.empty();
        }
        JsonNode node;
        try {
            node = JSON.readTree(index.toFile());
        } catch (IOException e) {
            return Optional.empty();
        }
        List<LayerFile> layers = new ArrayList<>();
        for (JsonNode layer : node.path("layers")) {
            Path tar = workDirectory.resolve(layer.path("file").asText());
            long size = layer.path("size").asLong();
            if (!Files.isRegularFile(tar) || Files.size(tar) != size) {
                return Optional.empty();
            }
            layers.add(new LayerFile(layer.path("diffId").asText(), tar, size));
        }
        String base = node.path("base").isTextual() ? node.get("base").asText() : null;
        return Optional.of(new AssembledImage(
                Files.readAllBytes(config), base, node.path("baseLayers").asInt(), layers));
    }

    /** Writes the record into {@code workDirectory}, the layer tars named relative to it. */
    void write(Path workDirectory) throws IOException {
        Path directory = workDirectory.resolve(DIRECTORY);
        Files.createDirectories(directory);
        Files.write(directory.resolve("config.json"), config);
        ObjectNode node = JSON.createObjectNode();
        if (base != null) {
            node.put("base", base);
        }
        node.put("baseLayers", baseLayers);
        var array = node.putArray("layers");
        for (LayerFile layer : layers) {
            array.addObject()
                    .put("diffId", layer.diffId())
                    .put(
                            "file",
                            workDirectory.relativize(layer.tar()).toString().replace('\\', '/'))
                    .put("size", layer.size());
        }
        JSON.writeValue(directory.resolve("image.json").toFile(), node);
    }

    /** Whether Dockyard wrote every layer (the image builds on {@code scratch}): then it can be saved alone. */
    public boolean whole() {
        return baseLayers == 0;
    }

    /** The image's details, read from its configuration. */
    public ImageDetails details(List<String> tags) throws IOException {
        List<Long> sizes = new ArrayList<>();
        layers.forEach(l -> sizes.add(l.size()));
        return ImageDetails.fromConfig(id(), tags, JSON.readTree(config), sizes);
    }

    /**
     * Writes the image as a docker-archive tagged {@code tags}, the entries at the image's creation time.
     *
     * @throws IOException also when the image builds on a base whose layers Dockyard did not write
     */
    public void writeDockerArchive(Path archive, List<String> tags) throws IOException {
        if (!whole()) {
            throw new IOException("the image builds on " + base + ", whose layers only its registry or the engine has");
        }
        JsonNode node = JSON.readTree(config);
        List<String> diffIds = new ArrayList<>();
        node.path("rootfs").path("diff_ids").forEach(id -> diffIds.add(id.asText()));
        List<Layer.Written> written = layers.stream()
                .map(l -> new Layer.Written(l.tar(), l.diffId(), l.size()))
                .toList();
        java.time.Instant time = java.time.Instant.parse(node.path("created").asText("1980-01-01T00:00:00Z"));
        DockerArchive.write(archive, config, diffIds, written, 0, tags, time);
    }

    /**
     * Loads the image into {@code engine} under no tag (another platform's image beside the engine's own, whose tags
     * it keeps), through a docker-archive written in {@code scratch} and removed again.
     *
     * @return the image's id in the engine
     * @throws IOException also when the image builds on a base whose layers Dockyard did not write
     */
    public String loadUntagged(Engine engine, Path scratch) throws IOException, EngineException {
        Files.createDirectories(scratch);
        Path archive = Files.createTempFile(scratch, "platform-image", ".tar");
        try {
            writeDockerArchive(archive, List.of());
            try (java.io.InputStream in = Files.newInputStream(archive)) {
                engine.load(in);
            }
        } finally {
            Files.deleteIfExists(archive);
        }
        return id();
    }

    /** Removes the record: the image in the work directory is no longer the assembled one. */
    public static void forget(Path workDirectory) throws IOException {
        Files.deleteIfExists(workDirectory.resolve(DIRECTORY).resolve("image.json"));
        Files.deleteIfExists(workDirectory.resolve(DIRECTORY).resolve("config.json"));
    }
}
