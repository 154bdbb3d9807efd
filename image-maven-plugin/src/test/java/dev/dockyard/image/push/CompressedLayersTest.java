package dev.dockyard.image.push;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CompressedLayersTest {

    @Test
    void gzipHasAFixedHeaderAndReadsBackAsTheTar() throws Exception {
        byte[] data = new byte[300_000];
        new Random(7).nextBytes(data);
        Arrays.fill(data, 0, 100_000, (byte) 'a');
        ByteArrayOutputStream first = new ByteArrayOutputStream();
        CompressedLayers.gzip(new ByteArrayInputStream(data), first);
        ByteArrayOutputStream second = new ByteArrayOutputStream();
        CompressedLayers.gzip(new ByteArrayInputStream(data), second);
        assertArrayEquals(first.toByteArray(), second.toByteArray());
        byte[] header = Arrays.copyOf(first.toByteArray(), 10);
        // magic, deflate, no flags (no name, no comment), time 0, no extra flags, OS unknown
        assertArrayEquals(new byte[] {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, (byte) 0xff}, header);
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(first.toByteArray()))) {
            assertArrayEquals(data, in.readAllBytes());
        }
    }

    @Test
    void aLayerIsCompressedOnceAndKeptByItsDiffId(@TempDir Path directory) throws Exception {
        Path tar = Files.write(
                directory.resolve("layer.tar"), "some layer".repeat(1000).getBytes());
        CompressedLayers layers = new CompressedLayers(directory.resolve("blobs"));
        CompressedLayers.Blob blob = layers.of("sha256:abc", tar);
        long modified = Files.getLastModifiedTime(blob.file()).toMillis();
        Files.delete(tar); // the kept blob is used: the tar is not read again
        CompressedLayers.Blob again = new CompressedLayers(directory.resolve("blobs")).of("sha256:abc", tar);
        assertEquals(blob, again);
        assertEquals(modified, Files.getLastModifiedTime(again.file()).toMillis());
        assertEquals("sha256:" + dev.dockyard.image.support.Sha256.hex(blob.file()), blob.digest());
        layers.prune(List.of());
        assertEquals(true, Files.isRegularFile(blob.file()));
    }
}
