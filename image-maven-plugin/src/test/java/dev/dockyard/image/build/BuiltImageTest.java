package dev.dockyard.image.build;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.dockyard.image.model.ImageDetails;
import dev.dockyard.image.model.ImageLayer;
import dev.dockyard.image.support.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The record later goals read: the id file, the digest file and image.json, written by build and push. */
class BuiltImageTest {

    @TempDir
    Path dir;

    @Test
    void noBuildMeansNoId() throws Exception {
        assertEquals(
                Optional.empty(),
                BuiltImage.in(dir.resolve("docker"), dir.resolve("reports")).id());
    }

    @Test
    void aBuildThenAPushAreRecordedInTheIdAndDigestFilesAndImageJson() throws Exception {
        BuiltImage record = BuiltImage.in(dir.resolve("docker"), dir.resolve("image-reports"));
        record.recordBuild(new ImageDetails(
                "sha256:abc",
                List.of("shop/orders:1.0"),
                10,
                "2026-01-01T00:00:00Z",
                "65532:65532",
                null,
                Set.of("8080/tcp"),
                Map.of(),
                List.of(new ImageLayer("<missing>", 10, "COPY app.jar /app/", 0, ""))));
        record.recordPush(
                "reg.example.com/shop/orders@sha256:def", "sha256:def", List.of("reg.example.com/shop/orders:1.0"));

        assertEquals(Optional.of("sha256:abc"), record.id());
        assertEquals("sha256:abc\n", Files.readString(dir.resolve("docker/image-id")));
        assertEquals("reg.example.com/shop/orders@sha256:def\n", Files.readString(dir.resolve("docker/image-digest")));
        Map<String, Object> json = Json.read(dir.resolve("image-reports/image.json"));
        assertEquals(
                List.of(
                        "id",
                        "tags",
                        "size",
                        "created",
                        "user",
                        "exposedPorts",
                        "labels",
                        "layers",
                        "repoDigest",
                        "digest",
                        "pushed"),
                List.copyOf(json.keySet()));
        assertEquals("sha256:def", json.get("digest"));
        assertEquals(List.of("reg.example.com/shop/orders:1.0"), json.get("pushed"));
        assertEquals(List.of(Map.of("size", 10, "createdBy", "COPY app.jar /app/")), json.get("layers"));
    }

    @Test
    void aBuildForEachPlatformListsTheirImagesAndSizesInImageJson() throws Exception {
        BuiltImage record = BuiltImage.in(dir.resolve("docker"), dir.resolve("image-reports"));
        ImageDetails amd64 = details("sha256:a", 40);
        ImageDetails arm64 = details("sha256:b", 38);
        record.recordBuild(amd64);
        Map<String, ImageDetails> platforms = new java.util.LinkedHashMap<>();
        platforms.put("linux/amd64", amd64);
        platforms.put("linux/arm64", arm64);
        record.recordPlatforms(platforms);

        assertEquals(Optional.of("sha256:a"), record.id());
        Map<String, Object> json = Json.read(dir.resolve("image-reports/image.json"));
        assertEquals(
                List.of(
                        Map.of("platform", "linux/amd64", "id", "sha256:a", "size", 40, "layers", 1),
                        Map.of("platform", "linux/arm64", "id", "sha256:b", "size", 38, "layers", 1)),
                json.get("platforms"));
    }

    private static ImageDetails details(String id, long size) {
        return new ImageDetails(
                id,
                List.of("shop/orders:1.0"),
                size,
                "2026-01-01T00:00:00Z",
                "65532:65532",
                null,
                Set.of(),
                Map.of(),
                List.of(new ImageLayer("<missing>", size, "COPY app.jar /app/", 0, "")));
    }
}
