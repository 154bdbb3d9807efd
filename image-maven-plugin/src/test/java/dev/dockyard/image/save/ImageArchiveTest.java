package dev.dockyard.image.save;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dockyard.image.engine.FakeEngine;
import dev.dockyard.image.model.ImageDetails;
import dev.dockyard.image.support.UserFixableException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
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
                        List.of("debian:bookworm-slim"),
                        "shop:orders",
                        false));

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

    @Test
    void writesAnOciImageLayoutThatReadsBackAsTheSameImage() throws Exception {
        java.io.ByteArrayOutputStream layer = new java.io.ByteArrayOutputStream();
        try (var tar = new org.apache.commons.compress.archivers.tar.TarArchiveOutputStream(layer)) {
            var entry = new org.apache.commons.compress.archivers.tar.TarArchiveEntry("app/app.jar");
            entry.setSize(3);
            tar.putArchiveEntry(entry);
            tar.write("jar".getBytes(StandardCharsets.UTF_8));
            tar.closeArchiveEntry();
        }
        String layerHex =
                HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(layer.toByteArray()));
        byte[] config = "{\"architecture\":\"amd64\",\"os\":\"linux\",\"config\":{\"User\":\"65532\"},"
                .concat("\"rootfs\":{\"type\":\"layers\",\"diff_ids\":[\"sha256:" + layerHex + "\"]}}")
                .getBytes(StandardCharsets.UTF_8);
        String configHex =
                HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(config));
        java.io.ByteArrayOutputStream docker = new java.io.ByteArrayOutputStream();
        try (var tar = new org.apache.commons.compress.archivers.tar.TarArchiveOutputStream(docker)) {
            put(tar, configHex + ".json", config);
            put(tar, "abc/layer.tar", layer.toByteArray());
            put(
                    tar,
                    "manifest.json",
                    ("[{\"Config\":\"" + configHex + ".json\",\"RepoTags\":[\"orders:1.0\"],"
                                    + "\"Layers\":[\"abc/layer.tar\"]}]")
                            .getBytes(StandardCharsets.UTF_8));
        }
        Path file = target.resolve("oci/orders-1.0.tar.gz");
        ArchiveResult first = new ImageArchive(new FakeEngine().image(IMAGE).archive(docker.toByteArray()))
                .save(new ArchiveRequest(
                        "orders:1.0", "orders", "1.0", file, false, null, List.of(), "shop:orders", true));

        var read = new dev.dockyard.image.archive.ArchiveReader().read(file);
        assertEquals("OCI image layout", read.format());
        assertEquals("sha256:" + configHex, read.image().id());
        assertEquals(List.of("1.0"), read.image().tags());
        assertEquals(layer.size(), read.image().size(), "the layer blob holds the layer's bytes");
        List<String> names = new ArrayList<>();
        try (var tar = new org.apache.commons.compress.archivers.tar.TarArchiveInputStream(
                new GZIPInputStream(Files.newInputStream(file)))) {
            for (var e = tar.getNextEntry(); e != null; e = tar.getNextEntry()) {
                names.add(e.getName());
            }
        }
        assertTrue(names.contains("blobs/sha256/" + layerHex) && names.contains("blobs/sha256/" + configHex));
        assertEquals(List.of("index.json", "oci-layout"), names.subList(names.size() - 2, names.size()));
        assertEquals(
                "oci",
                new ObjectMapper()
                        .readTree(target.resolve("oci/image-metadata.json").toFile())
                        .path("format")
                        .asText());
        // the same image, saved again: the same bytes
        ArchiveResult second = new ImageArchive(new FakeEngine().image(IMAGE).archive(docker.toByteArray()))
                .save(new ArchiveRequest(
                        "orders:1.0", "orders", "1.0", file, false, null, List.of(), "shop:orders", true));
        assertEquals(first.sha256(), second.sha256());
    }

    private static void put(
            org.apache.commons.compress.archivers.tar.TarArchiveOutputStream tar, String name, byte[] bytes)
            throws java.io.IOException {
        var entry = new org.apache.commons.compress.archivers.tar.TarArchiveEntry(name);
        entry.setSize(bytes.length);
        tar.putArchiveEntry(entry);
        tar.write(bytes);
        tar.closeArchiveEntry();
    }

    private static ArchiveRequest request(Path file, String module) {
        return new ArchiveRequest(
                "orders:1.0", "registry.example.com/shop/orders", "1.0", file, false, null, List.of(), module, false);
    }

    @Test
    void aFileDockyardDidNotWriteIsNotOverwritten() throws Exception {
        Path file = target.resolve("mine/orders.tar.gz");
        Files.createDirectories(file.getParent());
        Files.writeString(file, "the user's own");
        UserFixableException e = assertThrows(
                UserFixableException.class,
                () -> new ImageArchive(new FakeEngine().image(IMAGE).archive("tar"))
                        .save(request(file, "shop:orders")));
        assertEquals(
                "'" + file.toAbsolutePath() + "' exists and was not written by Dockyard (no image-metadata.json of"
                        + " this module next to it records it): it is not overwritten. Choose another file, or remove"
                        + " this one if it is yours to lose.",
                e.getMessage());
        assertEquals(java.util.Optional.of("saveFile"), e.parameter());
        assertEquals("the user's own", Files.readString(file));
    }

    @Test
    void aSecondSaveOfTheSameModuleReplacesItsOwnFiles() throws Exception {
        Path file = target.resolve("out/orders.tar.gz");
        new ImageArchive(new FakeEngine().image(IMAGE).archive("one")).save(request(file, "shop:orders"));
        new ImageArchive(new FakeEngine().image(IMAGE).archive("two")).save(request(file, "shop:orders"));
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
            assertEquals("two", new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    @Test
    void twoModulesSavingIntoOneDirectoryFailNamingBoth() throws Exception {
        Path dir = target.resolve("shared");
        new ImageArchive(new FakeEngine().image(IMAGE).archive("orders"))
                .save(request(dir.resolve("orders.tar.gz"), "shop:orders"));
        String before = Files.readString(dir.resolve("image-metadata.json"));
        UserFixableException e = assertThrows(
                UserFixableException.class,
                () -> new ImageArchive(new FakeEngine().image(IMAGE).archive("billing"))
                        .save(request(dir.resolve("billing.tar.gz"), "shop:billing")));
        assertEquals(
                "modules shop:orders and shop:billing both save into " + dir.toAbsolutePath()
                        + " (image-metadata.json there is shop:orders's): give each module an <saveFile> in a"
                        + " directory of its own.",
                e.getMessage());
        assertEquals(before, Files.readString(dir.resolve("image-metadata.json")));
        assertFalse(Files.exists(dir.resolve("billing.tar.gz")));
    }

    @Test
    void metadataDockyardDidNotWriteIsNotOverwritten() throws Exception {
        Path dir = target.resolve("docs");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("image-metadata.json"), "{\"mine\": true}");
        UserFixableException e = assertThrows(
                UserFixableException.class,
                () -> new ImageArchive(new FakeEngine().image(IMAGE).archive("tar"))
                        .save(request(dir.resolve("orders.tar.gz"), "shop:orders")));
        assertEquals(
                "'" + dir.toAbsolutePath().resolve("image-metadata.json") + "' exists and was not written by"
                        + " Dockyard: it is not overwritten. Save into a directory of its own (e.g. under target/),"
                        + " or remove that file if it is yours to lose.",
                e.getMessage());
        assertEquals("{\"mine\": true}", Files.readString(dir.resolve("image-metadata.json")));
    }

    @Test
    void theImagesOfEachPlatformAreSavedAsOneOciLayoutSharingTheirCommonLayers() throws Exception {
        Path shared = layerTar("app/app.jar", "jar");
        Map<String, dev.dockyard.image.assemble.AssembledImage> images = new java.util.LinkedHashMap<>();
        for (String arch : List.of("amd64", "arm64")) {
            Path runtime = layerTar("opt/java/bin/java", "java for " + arch);
            List<Path> tars = List.of(runtime, shared);
            StringBuilder diffIds = new StringBuilder();
            List<dev.dockyard.image.assemble.AssembledImage.LayerFile> layers = new ArrayList<>();
            for (Path tar : tars) {
                String diffId = "sha256:" + sha256(Files.readAllBytes(tar));
                diffIds.append(diffIds.length() == 0 ? "" : ",")
                        .append('"')
                        .append(diffId)
                        .append('"');
                layers.add(new dev.dockyard.image.assemble.AssembledImage.LayerFile(diffId, tar, Files.size(tar)));
            }
            byte[] config = ("{\"architecture\":\"" + arch + "\",\"os\":\"linux\",\"created\":"
                            + "\"2026-01-01T00:00:00Z\",\"config\":{\"User\":\"65532\"},\"rootfs\":{\"type\":"
                            + "\"layers\",\"diff_ids\":[" + diffIds + "]}}")
                    .getBytes(StandardCharsets.UTF_8);
            images.put("linux/" + arch, new dev.dockyard.image.assemble.AssembledImage(config, null, 0, layers));
        }
        var platforms = new dev.dockyard.image.assemble.PlatformImages(images);
        Path file = target.resolve("oci/orders-1.0.tar.gz");
        ArchiveRequest request =
                new ArchiveRequest("orders:1.0", "orders", "1.0", file, false, null, List.of(), "shop:orders", true);

        ArchiveResult result = ImageArchive.savePlatforms(platforms, "linux/amd64", request);

        assertEquals(images.get("linux/amd64").id(), result.image().id());
        var read = new dev.dockyard.image.archive.ArchiveReader().read(file);
        assertEquals(images.get("linux/amd64").id(), read.image().id(), "a reader of one platform takes amd64");
        assertEquals(List.of("1.0"), read.image().tags());
        List<String> names = new ArrayList<>();
        try (var tar = new org.apache.commons.compress.archivers.tar.TarArchiveInputStream(
                new GZIPInputStream(Files.newInputStream(file)))) {
            for (var e = tar.getNextEntry(); e != null; e = tar.getNextEntry()) {
                names.add(e.getName());
            }
        }
        String sharedBlob = "blobs/sha256/" + sha256(Files.readAllBytes(shared));
        assertEquals(1, names.stream().filter(sharedBlob::equals).count(), "the shared layer is one blob");
        // 2 configurations, 3 layers, 2 manifests, 1 image index
        assertEquals(
                8,
                names.stream()
                        .filter(n -> n.startsWith("blobs/sha256/") && n.length() > 20)
                        .count());
        JsonNode metadata = new ObjectMapper()
                .readTree(target.resolve("oci/image-metadata.json").toFile());
        assertEquals("oci", metadata.path("format").asText());
        assertEquals(
                "linux/arm64",
                metadata.path("platforms").get(1).path("platform").asText());
        assertEquals(
                images.get("linux/arm64").id(),
                metadata.path("platforms").get(1).path("id").asText());

        UserFixableException docker = assertThrows(
                UserFixableException.class,
                () -> ImageArchive.savePlatforms(
                        platforms,
                        "linux/amd64",
                        new ArchiveRequest(
                                "orders:1.0", "orders", "1.0", file, false, null, List.of(), "shop:orders", false)));
        assertTrue(docker.getMessage().contains("docker save's format, holds one platform's image"));

        Map<String, dev.dockyard.image.assemble.AssembledImage> onBase = new java.util.LinkedHashMap<>(images);
        onBase.put(
                "linux/arm64",
                new dev.dockyard.image.assemble.AssembledImage(
                        images.get("linux/arm64").config(),
                        "debian:bookworm-slim",
                        1,
                        images.get("linux/arm64").layers()));
        UserFixableException base = assertThrows(
                UserFixableException.class,
                () -> ImageArchive.savePlatforms(
                        new dev.dockyard.image.assemble.PlatformImages(onBase), "linux/amd64", request));
        assertTrue(
                base.getMessage().contains("the linux/arm64 image builds on debian:bookworm-slim"), base.getMessage());
    }

    private Path layerTar(String name, String content) throws Exception {
        Path file = Files.createTempFile(target, "layer", ".tar");
        try (var tar =
                new org.apache.commons.compress.archivers.tar.TarArchiveOutputStream(Files.newOutputStream(file))) {
            var entry = new org.apache.commons.compress.archivers.tar.TarArchiveEntry(name);
            byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
            entry.setSize(bytes.length);
            tar.putArchiveEntry(entry);
            tar.write(bytes);
            tar.closeArchiveEntry();
        }
        return file;
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
