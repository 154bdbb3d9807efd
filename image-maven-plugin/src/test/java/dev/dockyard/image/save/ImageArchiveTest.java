package dev.dockyard.image.save;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dockyard.image.engine.FakeEngine;
import dev.dockyard.image.model.ImageDetails;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageArchiveTest {

    private static final ImageDetails IMAGE = new ImageDetails(
            "sha256:" + "b".repeat(64),
            List.of("orders:1.0"),
            42,
            "2026-01-01T00:00:00Z",
            "65532",
            null,
            Set.of(),
            Map.of(),
            List.of());

    @TempDir
    Path target;

    @Test
    void writesTheGzippedArchiveItsChecksumAndMetadata() throws Exception {
        FakeEngine engine = new FakeEngine().image(IMAGE).archive("a docker-archive tar");
        Path file = target.resolve("out/orders-1.0.tar.gz");

        ArchiveResult result = new ImageArchive(engine)
                .save(new ArchiveRequest(
                        "orders:1.0",
                        "registry.example.com/shop/orders",
                        "1.0",
                        file,
                        true,
                        "abc123",
                        List.of("debian:bookworm-slim")));

        try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
            assertEquals("a docker-archive tar", new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
        String expected =
                HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        assertEquals(expected, result.sha256());
        assertEquals(Files.size(file), result.bytes());
        assertEquals(
                expected + "  orders-1.0.tar.gz\n", Files.readString(target.resolve("out/orders-1.0.tar.gz.sha256")));
        assertEquals(
                expected + "  orders-latest.tar.gz\n",
                Files.readString(target.resolve("out/orders-latest.tar.gz.sha256")));
        assertEquals(Files.size(file), Files.size(target.resolve("out/orders-latest.tar.gz")));
        JsonNode metadata = new ObjectMapper()
                .readTree(target.resolve("out/image-metadata.json").toFile());
        assertEquals(IMAGE.id(), metadata.path("id").asText());
        assertEquals("abc123", metadata.path("revision").asText());
        assertEquals("orders-1.0.tar.gz", metadata.path("archive").asText());
        assertEquals("registry.example.com/shop/orders", metadata.path("name").asText());
        assertEquals("1.0", metadata.path("version").asText());
        assertEquals("debian:bookworm-slim", metadata.path("baseImages").get(0).asText());
        assertTrue(metadata.has("digest") && metadata.has("labels") && metadata.has("created"));
        assertEquals(expected, metadata.path("sha256").asText());
        assertTrue(engine.calls.contains("save " + IMAGE.id()));
    }
}
