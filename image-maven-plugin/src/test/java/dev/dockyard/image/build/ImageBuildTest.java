package dev.dockyard.image.build;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dockyard.image.engine.BuildRequest;
import dev.dockyard.image.engine.FakeEngine;
import dev.dockyard.image.engine.ImageBuildException;
import dev.dockyard.image.engine.PullPolicy;
import dev.dockyard.image.engine.RecordingLog;
import dev.dockyard.image.model.ImageDetails;
import dev.dockyard.image.model.ImageLayer;
import dev.dockyard.image.sbom.BaseDigest;
import dev.dockyard.image.sbom.DebianPackage;
import dev.dockyard.image.sbom.PackageRecord;
import dev.dockyard.image.sbom.SbomRequest;
import dev.dockyard.image.sbom.SbomWriter;
import dev.dockyard.image.support.ByteSize;
import dev.dockyard.image.support.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The image-build use case on the fake engine: the context sent, the id file, image.json, the log lines. */
class ImageBuildTest {

    private static final String ID = "sha256:" + "b".repeat(64);

    private static final ImageDetails IMAGE = new ImageDetails(
            ID,
            List.of("orders:1.0"),
            2048,
            "2026-01-01T00:00:00Z",
            "65532:65532",
            null,
            Set.of("8080/tcp"),
            Map.of("a", "b"),
            List.of(
                    new ImageLayer("<missing>", 1024, "COPY app.jar /app/", 0, ""),
                    new ImageLayer(ID, 1024, "USER 65532:65532", 0, "")));

    @TempDir
    Path module;

    private BuildRequest request() {
        return new BuildRequest(
                module.resolve("target/docker"),
                "Dockerfile",
                List.of("orders:1.0", "orders:abc1234"),
                Map.of(),
                Map.of(),
                PullPolicy.NEVER,
                module.resolve("target/image-work"),
                false);
    }

    private BuiltImage record() {
        return BuiltImage.in(module.resolve("target/docker"), module.resolve("target/image-reports"));
    }

    @Test
    void buildsInspectsAndWritesTheIdFileAndImageJson() throws Exception {
        Path context = Files.createDirectories(module.resolve("target/docker"));
        Files.writeString(context.resolve("Dockerfile"), "FROM scratch\nCOPY app.jar /app/\n");
        Files.writeString(context.resolve(".dockerignore"), "notes.txt\n");
        Files.writeString(context.resolve("app.jar"), "jar");
        Files.writeString(context.resolve("notes.txt"), "not sent");
        FakeEngine engine = new FakeEngine().image(IMAGE);
        RecordingLog log = new RecordingLog();

        ImageBuild build = ImageBuild.prepare(request(), record(), module);
        assertEquals(
                List.of(".dockerignore", "Dockerfile", "app.jar"), build.files().paths());
        ImageBuildResult result = build.run(engine, log);

        assertEquals(List.of("build [orders:1.0, orders:abc1234]"), engine.calls);
        assertEquals(ID + "\n", Files.readString(context.resolve("image-id")));
        assertEquals(
                module.resolve("target/image-reports/image.json"),
                result.record().json());
        Map<String, Object> json = Json.read(result.record().json());
        assertEquals(ID, json.get("id"));
        assertEquals(List.of("orders:1.0"), json.get("tags"));
        assertEquals(2048, ((Number) json.get("size")).intValue());
        assertEquals(
                List.of(
                        Map.of("size", 1024, "createdBy", "COPY app.jar /app/"),
                        Map.of("size", 1024, "createdBy", "USER 65532:65532")),
                json.get("layers"));
        assertEquals(
                List.of(
                        "INFO Building image orders:1.0 on " + engine.address().host()
                                + " (engine 0.0.0-fake, pull never)",
                        "INFO Sending build context target/docker: 3 files, "
                                + ByteSize.format(build.files().bytes()),
                        "INFO Built image " + IMAGE.shortId() + " (2.0 kB, 2 steps), tagged orders:1.0, orders:abc1234",
                        "INFO Wrote target/docker/image-id and target/image-reports/image.json"),
                log.lines());
    }

    @Test
    void onTheEngineTheSbomIsReadOutOfTheBuiltImageAndAddedByASecondBuild() throws Exception {
        Path context = Files.createDirectories(module.resolve("target/docker"));
        Files.writeString(context.resolve("Dockerfile"), "FROM scratch\nCOPY app.jar /app/\n");
        Files.writeString(context.resolve("app.jar"), "jar");
        FakeEngine engine = new FakeEngine().image(IMAGE);
        java.io.ByteArrayOutputStream tar = new java.io.ByteArrayOutputStream();
        try (var out = new org.apache.commons.compress.archivers.tar.TarArchiveOutputStream(tar)) {
            byte[] entry = "Package: libc6\nArchitecture: amd64\nVersion: 2.36-9\n".getBytes();
            var header = new org.apache.commons.compress.archivers.tar.TarArchiveEntry("status.d/libc6");
            header.setSize(entry.length);
            out.putArchiveEntry(header);
            out.write(entry);
            out.closeArchiveEntry();
        }
        engine.archives.put("/var/lib/dpkg/status.d", tar.toByteArray());
        SbomRequest engineFree = engineFree("scratch");
        Path report = module.resolve("target/image-reports/sbom.cdx.json");
        java.time.Instant time = java.time.Instant.parse("2024-01-01T00:00:00Z");
        RecordingLog log = new RecordingLog();

        ImageBuild.prepare(request(), record(), module)
                .withSbom(new ImageSbom(engineFree, report, module.resolve("target/image-work"), time))
                .run(engine, log);

        assertEquals(
                List.of(
                        "build [orders:1.0, orders:abc1234]",
                        "createContainer " + ID,
                        "archive /var/lib/dpkg/status.d",
                        "archive /etc/os-release",
                        "remove created-" + ID,
                        "build [orders:1.0, orders:abc1234]"),
                engine.calls.stream().filter(c -> !c.startsWith("inspect")).toList());
        byte[] expected = new SbomWriter()
                .write(engineFree.withPackages("debian", List.of(new DebianPackage("libc6", "2.36-9", "amd64"))));
        assertEquals(new String(expected), Files.readString(report));
        Path sent = module.resolve("target/image-work/sbom-context");
        assertArrayEquals(expected, Files.readAllBytes(sent.resolve("sbom.cdx.json")));
        assertEquals(
                time, Files.getLastModifiedTime(sent.resolve("sbom.cdx.json")).toInstant());
        assertEquals(
                "FROM " + ID + "\nCOPY sbom.cdx.json /usr/share/dockyard/sbom.cdx.json\n"
                        + "LABEL dev.dockyard.sbom=/usr/share/dockyard/sbom.cdx.json\n",
                Files.readString(sent.resolve("Dockerfile")));
        assertEquals(
                "dockerfile " + dev.dockyard.image.support.Sha256.hex(context.resolve("Dockerfile"))
                        + "\ndistro debian\nbase-image -\nlibc6 2.36-9 amd64\n",
                Files.readString(module.resolve("target/image-work/sbom-packages.txt")));
        assertTrue(log.lines()
                .contains("INFO The image holds its SBOM at /usr/share/dockyard/sbom.cdx.json (label"
                        + " dev.dockyard.sbom): 0 jars, 0 runtime modules, 1 Debian packages; wrote"
                        + " target/image-reports/sbom.cdx.json"));
    }

    @Test
    void theSbomGivesTheDigestOfTheBaseImageTheEngineHas() throws Exception {
        Path context = Files.createDirectories(module.resolve("target/docker"));
        Files.writeString(context.resolve("Dockerfile"), "FROM debian:bookworm-slim\nCOPY app.jar /app/\n");
        Files.writeString(context.resolve("app.jar"), "jar");
        ImageDetails base = FakeEngine.baseImage("sha256:" + "c".repeat(64), "debian:bookworm-slim");
        String digest = "sha256:" + "d".repeat(64);
        FakeEngine engine = new FakeEngine()
                .image(IMAGE)
                .image(base)
                .repoDigests(base, "ghcr.io/acme/debian@sha256:" + "e".repeat(64), "debian@" + digest);
        SbomRequest engineFree = engineFree("debian:bookworm-slim");
        Path report = module.resolve("target/image-reports/sbom.cdx.json");

        ImageBuild.prepare(request(), record(), module)
                .withSbom(new ImageSbom(
                        engineFree,
                        report,
                        module.resolve("target/image-work"),
                        java.time.Instant.parse("2024-01-01T00:00:00Z")))
                .run(engine, new RecordingLog());

        BaseDigest expected = new BaseDigest(digest, BaseDigest.Source.ENGINE_REPO_DIGEST);
        assertEquals(
                new String(new SbomWriter()
                        .write(engineFree.withPackages("debian", List.of()).withRuntimeDigest(expected))),
                Files.readString(report));
        assertTrue(Files.readString(report)
                .contains("\"pkg:oci/debian@sha256%3A" + "d".repeat(64)
                        + "?repository_url=docker.io/library/debian&tag=bookworm-slim\""));
        // image:sbom reads it from here, with the packages, while the Dockerfile is the same
        assertEquals(
                expected,
                PackageRecord.read(
                                module.resolve("target/image-work/sbom-packages.txt"),
                                dev.dockyard.image.support.Sha256.hex(context.resolve("Dockerfile")))
                        .orElseThrow()
                        .base());
    }

    /** {@code image:sbom}'s request of an image of no jars or modules on {@code runtimeImage}. */
    private static SbomRequest engineFree(String runtimeImage) {
        return new SbomRequest(
                "orders",
                "1.0",
                null,
                "eclipse-temurin:17-jdk",
                runtimeImage,
                null,
                17,
                List.of(),
                List.of(),
                null,
                List.of());
    }

    @Test
    void withoutADockerfileNothingIsSent() throws Exception {
        Files.createDirectories(module.resolve("target/docker"));
        ImageBuildException e =
                assertThrows(ImageBuildException.class, () -> ImageBuild.prepare(request(), record(), module));
        assertEquals(
                "No Dockerfile in target/docker: run image:dockerfile before image:build (declare the goals in"
                        + " that order in the same phase, or run mvn package).",
                e.getMessage());
    }

    @Test
    void aFailedBuildWritesNoIdFile() throws Exception {
        Path context = Files.createDirectories(module.resolve("target/docker"));
        Files.writeString(context.resolve("Dockerfile"), "FROM scratch\n");
        ImageBuild build = ImageBuild.prepare(request(), record(), module);
        ImageBuildException e =
                assertThrows(ImageBuildException.class, () -> build.run(new FakeEngine(), new RecordingLog()));
        assertEquals("The image build failed: no image scripted", e.getMessage());
        assertFalse(Files.exists(context.resolve("image-id")));
        assertFalse(Files.exists(module.resolve("target/image-reports/image.json")));
        assertTrue(Files.isDirectory(context));
    }

    @Test
    void withPullNeverEveryMissingBaseImageIsNamedBeforeAnythingIsSent() throws Exception {
        Path context = Files.createDirectories(module.resolve("target/docker"));
        Files.writeString(
                context.resolve("Dockerfile"),
                "ARG BASE=dockyard-test/a:1\nFROM ${BASE} AS build\n"
                        + "FROM dockyard-test/here:2\nFROM dockyard-test/b:3\nCOPY --from=build /x /x\n");
        FakeEngine engine = new FakeEngine()
                .image(new ImageDetails(
                        "sha256:" + "c".repeat(64),
                        List.of("dockyard-test/here:2"),
                        1,
                        "2026-01-01T00:00:00Z",
                        "",
                        null,
                        Set.of(),
                        Map.of(),
                        List.of()));
        ImageBuild build = ImageBuild.prepare(request(), record(), module);

        ImageBuildException e = assertThrows(ImageBuildException.class, () -> build.run(engine, new RecordingLog()));

        assertEquals(
                "Base images dockyard-test/a:1, dockyard-test/b:3 are not in the engine at "
                        + engine.address().host()
                        + " and <pull>=never: load or build them first (docker load, docker"
                        + " pull), or allow pulling with -D<pull>=missing.",
                e.getMessage());
        assertEquals(List.of(), engine.calls);
        assertFalse(Files.exists(context.resolve("image-id")));
    }
}
