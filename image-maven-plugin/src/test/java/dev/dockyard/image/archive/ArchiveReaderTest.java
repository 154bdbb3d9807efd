package dev.dockyard.image.archive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dockyard.image.model.ImageDetails;
import dev.dockyard.image.save.ImageArchive;
import dev.dockyard.image.verify.Check;
import dev.dockyard.image.verify.Verification;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArchiveReaderTest {

    private static final String CONFIG = """
            {"created":"2026-01-01T00:00:00Z","config":{"User":"65532:65532","ExposedPorts":{"8080/tcp":{}},
             "Labels":{"org.opencontainers.image.title":"orders","org.opencontainers.image.version":"1.0.0"},
             "Healthcheck":{"Test":["CMD","/probe"],"Interval":5000000000,"Timeout":2000000000,"Retries":4}},
             "history":[{"created":"2026-01-01T00:00:00Z","created_by":"/bin/sh -c #(nop) ADD file:abc in / "},
             {"created_by":"/bin/sh -c #(nop)  USER 65532:65532","empty_layer":true},
             {"created_by":"COPY dir:0123456789012345678901234567890123456789012345678901234567890123 in /app "}]}
            """;
    private static final String CONFIG_HEX = "c".repeat(64);

    @TempDir
    Path dir;

    @Test
    void readsTheDockerSaveFormat() throws Exception {
        Path tar = write("image.tar", dockerSave(), false);
        ReadArchive read = new ArchiveReader().read(tar);
        assertEquals("docker save", read.format());
        ImageDetails image = read.image();
        assertEquals("sha256:" + CONFIG_HEX, image.id());
        assertEquals(List.of("shop/orders:1.0.0"), image.tags());
        assertEquals(3000 + 5000, image.size());
        assertEquals("65532:65532", image.user());
        assertEquals(java.util.Set.of("8080/tcp"), image.exposedPorts());
        assertEquals(Duration.ofSeconds(5), image.healthCheck().interval());
        assertEquals(4, image.healthCheck().retries());
        assertEquals(3, image.layers().size());
        assertEquals(5000, image.largestLayers(1).get(0).size());
        assertEquals("COPY dir to /app", image.largestLayers(1).get(0).instruction());
    }

    @Test
    void readsGzippedArchivesWhateverTheirName() throws Exception {
        Path gz = write("image.tar", dockerSave(), true);
        assertEquals(
                "sha256:" + CONFIG_HEX, new ArchiveReader().read(gz).image().id());
    }

    @Test
    void readsTheOciLayout() throws Exception {
        String configDigest = "sha256:" + "a".repeat(64);
        String layerDigest = "sha256:" + "b".repeat(64);
        String manifestDigest = "sha256:" + "d".repeat(64);
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("oci-layout", "{\"imageLayoutVersion\":\"1.0.0\"}".getBytes(StandardCharsets.UTF_8));
        entries.put(
                "index.json",
                ("{\"schemaVersion\":2,\"manifests\":[{\"mediaType\":"
                                + "\"application/vnd.oci.image.manifest.v1+json\",\"digest\":\"" + manifestDigest
                                + "\",\"size\":1,"
                                + "\"annotations\":{\"org.opencontainers.image.ref.name\":\"1.0.0\"}}]}")
                        .getBytes(StandardCharsets.UTF_8));
        entries.put(
                "blobs/sha256/" + "d".repeat(64),
                ("{\"schemaVersion\":2,\"config\":{\"digest\":\"" + configDigest
                                + "\",\"size\":1},\"layers\":[{\"digest\":\"" + layerDigest + "\",\"size\":7000}]}")
                        .getBytes(StandardCharsets.UTF_8));
        entries.put(
                "blobs/sha256/" + "a".repeat(64),
                CONFIG.replace(",\n {\"created_by\":\"COPY", ",\n {\"empty_layer\":true,\"created_by\":\"COPY")
                        .getBytes(StandardCharsets.UTF_8));
        entries.put("blobs/sha256/" + "b".repeat(64), new byte[7000]);
        ReadArchive read = new ArchiveReader().read(write("oci.tar.gz", tar(entries), true));
        assertEquals("OCI image layout", read.format());
        assertEquals(configDigest, read.image().id());
        assertEquals(List.of("1.0.0"), read.image().tags());
        assertEquals(7000, read.image().size());
    }

    @Test
    void aManifestsClaimedLayerSizeIsNotBelieved() throws Exception {
        String configDigest = "sha256:" + "a".repeat(64);
        String layerDigest = "sha256:" + "b".repeat(64);
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("oci-layout", "{\"imageLayoutVersion\":\"1.0.0\"}".getBytes(StandardCharsets.UTF_8));
        entries.put(
                "index.json",
                ("{\"schemaVersion\":2,\"manifests\":[{\"digest\":\"sha256:" + "d".repeat(64) + "\",\"size\":1}]}")
                        .getBytes(StandardCharsets.UTF_8));
        // the manifest claims the 60 MiB layer weighs -59 MiB
        entries.put(
                "blobs/sha256/" + "d".repeat(64),
                ("{\"schemaVersion\":2,\"config\":{\"digest\":\"" + configDigest + "\",\"size\":1},\"layers\":[{"
                                + "\"digest\":\"" + layerDigest + "\",\"size\":-61865984}]}")
                        .getBytes(StandardCharsets.UTF_8));
        entries.put("blobs/sha256/" + "a".repeat(64), CONFIG.getBytes(StandardCharsets.UTF_8));
        entries.put("blobs/sha256/" + "b".repeat(64), new byte[60 << 20]);
        ReadArchive read = new ArchiveReader().read(write("oci.tar.gz", tar(entries), true));
        assertEquals(60L << 20, read.image().size());
    }

    @Test
    void anArchiveOfManySmallDocumentsFailsNamingTheLimitInsteadOfFillingTheHeap() throws Exception {
        Path file = dir.resolve("documents.tar.gz");
        byte[] document = new byte[4 << 20];
        Arrays.fill(document, (byte) ' ');
        document[0] = '{';
        try (TarArchiveOutputStream tar =
                new TarArchiveOutputStream(new GZIPOutputStream(Files.newOutputStream(file)))) {
            for (int i = 0; i < 20; i++) {
                TarArchiveEntry header = new TarArchiveEntry("blobs/sha256/" + i);
                header.setSize(document.length);
                tar.putArchiveEntry(header);
                tar.write(document);
                tar.closeArchiveEntry();
            }
        }
        ArchiveException e = assertThrows(ArchiveException.class, () -> new ArchiveReader().read(file));
        assertEquals(
                file + " holds more than 64 MiB of manifests and configurations, more than any saved image: it is not"
                        + " read further. Check where the archive comes from.",
                e.getMessage());
    }

    @Test
    void anArchiveOfCountlessEntriesFailsNamingTheLimit() throws Exception {
        Path file = dir.resolve("entries.tar.gz");
        try (TarArchiveOutputStream tar =
                new TarArchiveOutputStream(new GZIPOutputStream(Files.newOutputStream(file)))) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            for (int i = 0; i <= ArchiveReader.MAX_ENTRIES; i++) {
                TarArchiveEntry header = new TarArchiveEntry("d/" + i);
                header.setSize(0);
                tar.putArchiveEntry(header);
                tar.closeArchiveEntry();
            }
        }
        ArchiveException e = assertThrows(ArchiveException.class, () -> new ArchiveReader().read(file));
        assertEquals(
                file + " holds more than 100000 entries, more than any saved image: it is not read further. Check"
                        + " where the archive comes from.",
                e.getMessage());
    }

    @Test
    void truncatedArchiveIsOneClearError() throws Exception {
        byte[] whole = gzip(dockerSave());
        Path cut = dir.resolve("cut.tar.gz");
        Files.write(cut, Arrays.copyOf(whole, whole.length / 2));
        ArchiveException e = assertThrows(ArchiveException.class, () -> new ArchiveReader().read(cut));
        assertTrue(e.getMessage().startsWith(cut + " is truncated or not a tar archive ("), e.getMessage());
        assertTrue(
                e.getMessage()
                        .endsWith("): save the image again (image:save or docker save) and copy it" + " completely."),
                e.getMessage());
    }

    @Test
    void tarWithoutAnImageAndMissingFiles() throws Exception {
        Path other = write("other.tar", tar(Map.of("README", new byte[3])), false);
        assertEquals(
                other + " is a tar archive but no saved image: it has neither manifest.json (docker save"
                        + " format) nor oci-layout and index.json (OCI image layout).",
                assertThrows(ArchiveException.class, () -> new ArchiveReader().read(other))
                        .getMessage());
        Path missing = dir.resolve("missing.tar.gz");
        assertTrue(assertThrows(ArchiveException.class, () -> new ArchiveReader().read(missing))
                .getMessage()
                .startsWith("The image archive " + missing + " does not exist"));
    }

    @Test
    void checkAppliesTheChecksumAndTheStaticChecks() throws Exception {
        Path archive = write("orders-1.0.0.tar.gz", dockerSave(), true);
        ImageArchive.writeChecksum(archive, dev.dockyard.image.support.Sha256.hex(archive));
        Verification ok =
                new ArchiveCheck().check(archive, 1_000_000, List.of(8080), List.of("org.opencontainers.image.title"));
        assertEquals(
                List.of("sha256", "size", "non-root-user", "healthcheck", "exposed-ports", "labels", "sbom"),
                ok.checks().stream().map(Check::name).toList());
        assertEquals(List.of(), ok.failures());

        Files.writeString(
                archive.resolveSibling("orders-1.0.0.tar.gz.sha256"), "0".repeat(64) + "  orders-1.0.0.tar.gz\n");
        Verification bad = new ArchiveCheck().check(archive, 1000, List.of(9090), List.of());
        assertEquals(
                List.of("sha256", "size", "exposed-ports"),
                bad.failures().stream().map(Check::name).toList());
        assertTrue(bad.failures()
                .get(0)
                .message()
                .endsWith("differs from " + "0".repeat(64)
                        + " in orders-1.0.0.tar.gz.sha256: the file was changed or copied incompletely"));
    }

    @Test
    void checkWithoutChecksumFileSkipsThatCheck() throws Exception {
        Path archive = write("plain.tar", dockerSave(), false);
        Check checksum = new ArchiveCheck()
                .check(archive, 1_000_000, List.of(8080), List.of())
                .checks()
                .get(0);
        assertEquals(Check.Status.SKIPPED, checksum.status());
    }

    private byte[] dockerSave() throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("1111/layer.tar", new byte[3000]);
        entries.put("2222/layer.tar", new byte[5000]);
        entries.put(CONFIG_HEX + ".json", CONFIG.getBytes(StandardCharsets.UTF_8));
        entries.put(
                "manifest.json",
                ("[{\"Config\":\"" + CONFIG_HEX + ".json\",\"RepoTags\":[\"shop/orders:1.0.0\"],"
                                + "\"Layers\":[\"1111/layer.tar\",\"2222/layer.tar\"]}]")
                        .getBytes(StandardCharsets.UTF_8));
        return tar(entries);
    }

    private static byte[] tar(Map<String, byte[]> entries) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                TarArchiveEntry header = new TarArchiveEntry(entry.getKey());
                header.setSize(entry.getValue().length);
                tar.putArchiveEntry(header);
                tar.write(entry.getValue());
                tar.closeArchiveEntry();
            }
        }
        return bytes.toByteArray();
    }

    private static byte[] gzip(byte[] data) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream gz = new GZIPOutputStream(bytes)) {
            gz.write(data);
        }
        return bytes.toByteArray();
    }

    private Path write(String name, byte[] data, boolean gzipped) throws IOException {
        Path file = dir.resolve(name);
        Files.write(file, gzipped ? gzip(data) : data);
        return file;
    }
}
