package dev.dockyard.image.archive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.dockyard.image.engine.FakeEngine;
import dev.dockyard.image.engine.ImageDetails;

class ImageArchiveTest {

    private static final ImageDetails IMAGE = new ImageDetails("sha256:" + "b".repeat(64), List.of("orders:1.0"),
            42, "2026-01-01T00:00:00Z", "65532", null, Set.of(), Map.of(), List.of());

    @TempDir
    Path target;

    @Test
    void writesTheGzippedArchiveItsChecksumAndMetadata() throws Exception {
        FakeEngine engine = new FakeEngine().image(IMAGE).archive("a docker-archive tar");
        Path file = target.resolve("out/orders-1.0-image.tar.gz");

        ArchiveResult result = new ImageArchive(engine).save(new ArchiveRequest("orders:1.0", file, "abc123"));

        try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
            assertEquals("a docker-archive tar", new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
        String expected = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(Files.readAllBytes(file)));
        assertEquals(expected, result.sha256());
        assertEquals(Files.size(file), result.bytes());
        assertEquals(expected + "  orders-1.0-image.tar.gz\n",
                Files.readString(target.resolve("out/orders-1.0-image.tar.gz.sha256")));
        JsonNode metadata = new ObjectMapper().readTree(target.resolve("out/image-metadata.json").toFile());
        assertEquals(IMAGE.id(), metadata.path("id").asText());
        assertEquals("abc123", metadata.path("revision").asText());
        assertEquals("orders-1.0-image.tar.gz", metadata.path("archive").asText());
        assertEquals(expected, metadata.path("sha256").asText());
        assertTrue(engine.calls.contains("save " + IMAGE.id()));
    }
}
