package dev.dockyard.image.build;

import dev.dockyard.image.model.ImageDetails;
import dev.dockyard.image.support.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The record of the image this module built, which later goals and scripts read: {@code image-id} (written by
 * {@code image:build}, read by verify, save, push and the stack), {@code image-digest} (the repository digest
 * {@code image:push} got) and {@code image.json} (the image's description, with the push added). The one owner of
 * these three files' names and formats.
 *
 * @param idFile     {@code <outputDirectory>/image-id}
 * @param digestFile {@code <outputDirectory>/image-digest}
 * @param json       {@code <reportsDirectory>/image.json}
 */
public record BuiltImage(Path idFile, Path digestFile, Path json) {

    /** The id file's name, in the output directory. */
    public static final String ID_FILE = "image-id";

    /** The digest file's name, in the output directory. */
    public static final String DIGEST_FILE = "image-digest";

    /** The image report's name, in the reports directory. */
    public static final String JSON = "image.json";

    /** The record of a module whose context is {@code outputDirectory} and whose reports go to {@code reports}. */
    public static BuiltImage in(Path outputDirectory, Path reportsDirectory) {
        return new BuiltImage(
                outputDirectory.resolve(ID_FILE), outputDirectory.resolve(DIGEST_FILE), reportsDirectory.resolve(JSON));
    }

    /** The id {@code image:build} recorded, or empty when it did not run for this module. */
    public Optional<String> id() throws IOException {
        if (!Files.isRegularFile(idFile)) {
            return Optional.empty();
        }
        return Optional.of(Files.readString(idFile, StandardCharsets.UTF_8).strip())
                .filter(id -> !id.isEmpty());
    }

    /** Records a build: the id file, and {@code image.json} describing {@code image}. */
    public void recordBuild(ImageDetails image) throws IOException {
        Files.createDirectories(idFile.toAbsolutePath().getParent());
        Files.writeString(idFile, image.id() + "\n", StandardCharsets.UTF_8);
        Json.write(describe(image), json);
    }

    /**
     * Adds every platform's image of a multi-platform build to {@code image.json}: its platform, id, size and layer
     * count.
     */
    public void recordPlatforms(Map<String, ImageDetails> images) throws IOException {
        Map<String, Object> report = new LinkedHashMap<>(Json.read(json));
        report.put(
                "platforms",
                images.entrySet().stream()
                        .map(e -> {
                            Map<String, Object> entry = new LinkedHashMap<>();
                            entry.put("platform", e.getKey());
                            entry.put("id", e.getValue().id());
                            entry.put("size", e.getValue().size());
                            entry.put("layers", e.getValue().layers().size());
                            return entry;
                        })
                        .toList());
        Json.write(report, json);
    }

    /**
     * Records a push: the repository digest in the digest file, and in {@code image.json} (as the build wrote it, or a
     * new one) the digest and the references pushed.
     */
    public void recordPush(String repoDigest, String digest, List<String> references) throws IOException {
        Files.createDirectories(digestFile.toAbsolutePath().getParent());
        Files.writeString(digestFile, repoDigest + "\n", StandardCharsets.UTF_8);
        Map<String, Object> report = new LinkedHashMap<>();
        if (Files.isRegularFile(json)) {
            report.putAll(Json.read(json));
        }
        report.put("repoDigest", repoDigest);
        report.put("digest", digest);
        report.put("pushed", references);
        Json.write(report, json);
    }

    /** The image as {@code image.json} describes it: id, tags, size, created, user, ports, labels, layers. */
    static Map<String, Object> describe(ImageDetails image) {
        Map<String, Object> description = new LinkedHashMap<>();
        description.put("id", image.id());
        description.put("tags", image.tags());
        description.put("size", image.size());
        description.put("created", image.created());
        description.put("user", image.user());
        description.put("exposedPorts", List.copyOf(image.exposedPorts()));
        description.put("labels", image.labels());
        description.put(
                "layers",
                image.layers().stream()
                        .map(layer -> {
                            Map<String, Object> entry = new LinkedHashMap<>();
                            entry.put("size", layer.size());
                            entry.put("createdBy", layer.instruction());
                            return entry;
                        })
                        .toList());
        return description;
    }
}
