package dev.dockyard.image.assemble;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The images of a multi-platform build ({@code image.platforms}), one per platform, each assembled in a work
 * directory of its own: recorded in the module's work directory for {@code image:push} (an index of them all),
 * {@code image:save} (an OCI layout holding them all) and {@code image:verify} (another platform's image checked
 * under emulation). A single-platform build removes the record.
 *
 * @param images the images by platform ({@code linux/arm64}), in the order {@code image.platforms} names them
 */
public record PlatformImages(Map<String, AssembledImage> images) {

    private static final String FILE = "assembled-platforms.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    public PlatformImages {
        images = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(images));
    }

    /** The work directory of {@code platform}'s image below the module's {@code workDirectory}. */
    public static Path directory(Path workDirectory, String platform) {
        return workDirectory.resolve("platforms").resolve(platform.replace('/', '-'));
    }

    /** Records the platforms' images, each already written into its {@link #directory}. */
    public void write(Path workDirectory) throws IOException {
        ArrayNode array = JSON.createArrayNode();
        images.keySet().forEach(array::add);
        Files.createDirectories(workDirectory);
        JSON.writeValue(
                workDirectory.resolve(FILE).toFile(), JSON.createObjectNode().set("platforms", array));
    }

    /**
     * The images of the last multi-platform build in {@code workDirectory}, when every one of them is there whole;
     * empty after a single-platform build.
     */
    public static Optional<PlatformImages> read(Path workDirectory) throws IOException {
        Path file = workDirectory.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        Map<String, AssembledImage> images = new LinkedHashMap<>();
        for (JsonNode platform : JSON.readTree(file.toFile()).path("platforms")) {
            Optional<AssembledImage> image = AssembledImage.read(directory(workDirectory, platform.asText()));
            if (image.isEmpty()) {
                return Optional.empty();
            }
            images.put(platform.asText(), image.get());
        }
        return images.isEmpty() ? Optional.empty() : Optional.of(new PlatformImages(images));
    }

    /** Removes the record: the module's image is a single-platform one again. */
    public static void forget(Path workDirectory) throws IOException {
        Files.deleteIfExists(workDirectory.resolve(FILE));
    }
}
