package dev.dockyard.image.assemble;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dockyard.image.dockerfile.Dockerfile;
import dev.dockyard.image.dockerfile.DockerfileParser;
import dev.dockyard.image.engine.BuildContext;
import dev.dockyard.image.engine.BuildRequest;
import dev.dockyard.image.engine.FakeEngine;
import dev.dockyard.image.engine.ImageBuildException;
import dev.dockyard.image.engine.PullPolicy;
import dev.dockyard.image.engine.RecordingLog;
import dev.dockyard.image.model.ImageDetails;
import dev.dockyard.image.support.CoreException;
import dev.dockyard.image.support.Sha256;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageAssemblerTest {

    private static final Instant TIME = Instant.parse("2026-01-01T00:00:00Z");

    @TempDir
    Path module;

    private Path context;

    private PullPolicy pull = PullPolicy.NEVER;

    private Appendix appendix;

    /** One assembled image, read back from the archive the fake engine was given. */
    private record Image(String id, JsonNode config, List<List<String>> layers, List<String> archived) {}

    private Path context(String dockerfile) throws IOException {
        context = Files.createDirectories(module.resolve("target/docker"));
        Files.writeString(context.resolve("Dockerfile"), dockerfile);
        Files.writeString(context.resolve(".dockerignore"), "*\n!probe/\n!app.jar\n");
        Files.createDirectories(context.resolve("probe/dev"));
        Files.writeString(context.resolve("probe/dev/Probe.class"), "probe");
        Files.writeString(context.resolve("app.jar"), "jar");
        // written under umask 0027: sent as 0644 all the same
        Files.setPosixFilePermissions(context.resolve("app.jar"), PosixFilePermissions.fromString("rw-r-----"));
        Files.writeString(context.resolve("notes.txt"), "not sent");
        return context;
    }

    private Image assemble(FakeEngine engine) throws Exception {
        BuildRequest request = new BuildRequest(
                context,
                "Dockerfile",
                List.of("orders:1.0", "orders:abc1234"),
                Map.of("VERSION", "7"),
                Map.of("org.example.built-by", "ci"),
                pull,
                module.resolve("target/image-work"),
                false);
        Dockerfile dockerfile = DockerfileParser.parse(
                "Dockerfile", Files.readString(context.resolve("Dockerfile")), request.buildArgs());
        assertNull(ImageAssembler.unsupported(dockerfile));
        BuildContext files = BuildContext.scan(context, "Dockerfile");
        String id = new ImageAssembler(request, files, dockerfile, TIME)
                .withAppendix(appendix)
                .assemble(engine, new RecordingLog());
        return read(id, engine.loaded.get(engine.loaded.size() - 1));
    }

    private static Image read(String id, byte[] archive) throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        try (TarArchiveInputStream tar = new TarArchiveInputStream(new ByteArrayInputStream(archive))) {
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                assertEquals(TIME, entry.getLastModifiedDate().toInstant(), entry.getName());
                files.put(entry.getName(), tar.readAllBytes());
            }
        }
        ObjectMapper json = new ObjectMapper();
        JsonNode manifest = json.readTree(files.get("manifest.json")).get(0);
        byte[] configBytes = files.get(manifest.get("Config").asText());
        assertEquals(id, "sha256:" + Sha256.hex(configBytes), "the image id is the digest of its configuration");
        List<List<String>> layers = new ArrayList<>();
        for (JsonNode name : manifest.get("Layers")) {
            byte[] layer = files.get(name.asText());
            List<String> entries = new ArrayList<>();
            if (layer != null) {
                assertEquals(name.asText().replace("/layer.tar", ""), Sha256.hex(layer), "the diff ID");
                try (TarArchiveInputStream tar = new TarArchiveInputStream(new ByteArrayInputStream(layer))) {
                    TarArchiveEntry entry;
                    while ((entry = tar.getNextEntry()) != null) {
                        assertEquals(TIME, entry.getLastModifiedDate().toInstant(), entry.getName());
                        assertEquals("", entry.getUserName());
                        String kind = entry.isDirectory()
                                ? "dir"
                                : entry.isSymbolicLink()
                                        ? "symlink " + entry.getLinkName()
                                        : entry.isLink()
                                                ? "hardlink " + entry.getLinkName()
                                                : "file " + new String(tar.readAllBytes(), StandardCharsets.UTF_8);
                        entries.add(String.format(
                                "%s %04o %d:%d %s",
                                entry.getName(), entry.getMode(), entry.getLongUserId(), entry.getLongGroupId(), kind));
                    }
                }
            }
            layers.add(entries);
        }
        return new Image(id, json.readTree(configBytes), layers, new ArrayList<>(files.keySet()));
    }

    @Test
    void copiesFromTheContextAsTheEnginesCopyDoes() throws Exception {
        context("FROM scratch\n"
                + "ARG VERSION=1\n"
                + "COPY --chown=65532:65532 probe/ /opt/dockyard/probe/\n"
                + "COPY app.jar /app/\n"
                + "COPY --chown=7 app.jar /srv/service/renamed-${VERSION}.jar\n"
                + "WORKDIR /work\n"
                + "COPY app.jar relative/\n"
                + "WORKDIR /app\n");
        Image image = assemble(new FakeEngine());

        assertEquals(
                List.of(
                        List.of(
                                "opt/ 0755 0:0 dir",
                                "opt/dockyard/ 0755 0:0 dir",
                                "opt/dockyard/probe/ 0755 65532:65532 dir",
                                "opt/dockyard/probe/dev/ 0755 65532:65532 dir",
                                "opt/dockyard/probe/dev/Probe.class 0644 65532:65532 file probe"),
                        List.of("app/ 0755 0:0 dir", "app/app.jar 0644 0:0 file jar"),
                        // a file's missing parents take the --chown owner; a directory's stay root's
                        List.of(
                                "srv/ 0755 7:7 dir",
                                "srv/service/ 0755 7:7 dir",
                                "srv/service/renamed-7.jar 0644 7:7 file jar"),
                        List.of("work/ 0755 0:0 dir"),
                        List.of("work/relative/ 0755 0:0 dir", "work/relative/app.jar 0644 0:0 file jar")),
                image.layers());
        assertEquals("/app", image.config().at("/config/WorkingDir").asText());
        assertEquals(TIME.toString(), image.config().get("created").asText());
        assertEquals(5, image.config().at("/rootfs/diff_ids").size());
        // one history entry per instruction (FROM aside) and one for the labels the build adds
        assertEquals(8, image.config().get("history").size());
    }

    @Test
    void writesTheConfigurationOfEveryInstruction() throws Exception {
        context("FROM scratch\n"
                + "ENV A=1 B=\"two words\"\n"
                + "ENV C 3 and more\n"
                + "ENV A=one\n"
                + "USER 65532:65532\n"
                + "EXPOSE 8080 9090/udp\n"
                + "VOLUME [\"/data\", \"/cache\"]\n"
                + "HEALTHCHECK --interval=1s --timeout=3s --start-period=5s --retries=3 CMD [\"/bin/probe\", \"x\"]\n"
                + "STOPSIGNAL SIGTERM\n"
                + "CMD [\"--port\", \"8080\"]\n"
                + "ENTRYPOINT [\"/opt/java/bin/java\", \"-jar\", \"/app/app.jar\"]\n"
                + "LABEL a=b \"c d\"=\"e f\"\n");
        JsonNode config = assemble(new FakeEngine()).config();

        assertEquals("amd64", config.get("architecture").asText());
        assertEquals("linux", config.get("os").asText());
        JsonNode c = config.get("config");
        assertEquals(
                "[\"PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin\",\"A=one\",\"B=two words\","
                        + "\"C=3 and more\"]",
                c.get("Env").toString());
        assertEquals("65532:65532", c.get("User").asText());
        assertEquals("{\"8080/tcp\":{},\"9090/udp\":{}}", c.get("ExposedPorts").toString());
        assertEquals("{\"/data\":{},\"/cache\":{}}", c.get("Volumes").toString());
        assertEquals(
                "{\"Test\":[\"CMD\",\"/bin/probe\",\"x\"],\"Interval\":1000000000,\"Timeout\":3000000000,"
                        + "\"StartPeriod\":5000000000,\"Retries\":3}",
                c.get("Healthcheck").toString());
        assertEquals("SIGTERM", c.get("StopSignal").asText());
        // CMD was set in this stage, so the ENTRYPOINT after it keeps it
        assertEquals("[\"--port\",\"8080\"]", c.get("Cmd").toString());
        assertEquals(
                "[\"/opt/java/bin/java\",\"-jar\",\"/app/app.jar\"]",
                c.get("Entrypoint").toString());
        assertEquals(
                "{\"a\":\"b\",\"c d\":\"e f\",\"dev.dockyard.managed\":\"true\",\"org.example.built-by\":\"ci\"}",
                c.get("Labels").toString());
        assertEquals(0, config.at("/rootfs/diff_ids").size());
    }

    @Test
    void healthCheckNoneAndShellForms() throws Exception {
        context("FROM scratch\nHEALTHCHECK NONE\nENTRYPOINT exec java -jar app.jar\n");
        JsonNode c = assemble(new FakeEngine()).config().get("config");
        assertEquals("{\"Test\":[\"NONE\"]}", c.get("Healthcheck").toString());
        assertEquals(
                "[\"/bin/sh\",\"-c\",\"exec java -jar app.jar\"]",
                c.get("Entrypoint").toString());
        assertTrue(c.get("Cmd").isNull(), "an ENTRYPOINT drops a CMD not set in the stage");
    }

    @Test
    void theSameInputsGiveTheSameImageWhateverTheFileTimes() throws Exception {
        context("FROM scratch\nCOPY app.jar /app/\nCOPY probe/ /probe/\n");
        FakeEngine engine = new FakeEngine();
        Image first = assemble(engine);
        Files.setLastModifiedTime(context.resolve("app.jar"), FileTime.from(Instant.parse("2031-05-05T10:00:00Z")));
        Files.setLastModifiedTime(context.resolve("probe/dev"), FileTime.from(Instant.now()));
        Image second = assemble(engine);
        assertEquals(first.id(), second.id());
        assertEquals(first.layers(), second.layers());
        Files.writeString(context.resolve("app.jar"), "jar2");
        assertTrue(!first.id().equals(assemble(engine).id()), "a changed file changes the image");
    }

    @Test
    void copiesFromAnEarlierStageKeepingModesLinksAndOwners() throws Exception {
        context("FROM builder:1 AS rootfs\n"
                + "RUN make-rootfs\n"
                + "FROM scratch\n"
                + "COPY --from=rootfs /rootfs /\n"
                + "COPY --from=rootfs --chown=65532:65532 /rootfs/tmp /data\n"
                + "COPY --from=rootfs /rootfs/etc/passwd /etc/passwd.copy\n");
        FakeEngine engine = new FakeEngine();
        engine.archives.put("/rootfs", tar(rootfs -> {
            dir(rootfs, "rootfs/", 0755, 0);
            dir(rootfs, "rootfs/etc/", 0755, 0);
            file(rootfs, "rootfs/etc/passwd", 0644, 0, "root:x:0:0");
            dir(rootfs, "rootfs/lib/", 0755, 0);
            file(rootfs, "rootfs/lib/libz.so.1", 0755, 0, "elf");
            link(rootfs, "rootfs/lib/libz.so", TarConstants.LF_LINK, "rootfs/lib/libz.so.1");
            link(rootfs, "rootfs/lib/libz.so.0", TarConstants.LF_SYMLINK, "libz.so.1");
            dir(rootfs, "rootfs/tmp/", 01777, 0);
            file(rootfs, "rootfs/tmp/keep", 0600, 5, "k");
        }));
        engine.archives.put("/rootfs/tmp", tar(tmp -> {
            dir(tmp, "tmp/", 01777, 0);
            file(tmp, "tmp/keep", 0600, 5, "k");
        }));
        engine.archives.put("/rootfs/etc/passwd", tar(etc -> file(etc, "passwd", 0644, 0, "root:x:0:0")));

        Image image = assemble(engine);

        assertEquals(
                List.of(
                        "buildStage rootfs [.dockerignore, Dockerfile]",
                        "createContainer sha256:stage-rootfs",
                        "load",
                        "remove created-sha256:stage-rootfs"),
                engine.calls.stream().filter(c -> !c.equals("pruneReplaced")).toList());
        assertEquals(
                List.of(
                        List.of(
                                "etc/ 0755 0:0 dir",
                                "etc/passwd 0644 0:0 file root:x:0:0",
                                "lib/ 0755 0:0 dir",
                                // the first in path order carries the bytes
                                "lib/libz.so 0755 0:0 file elf",
                                "lib/libz.so.0 0777 0:0 symlink libz.so.1",
                                "lib/libz.so.1 0755 0:0 hardlink lib/libz.so",
                                "tmp/ 1777 0:0 dir",
                                "tmp/keep 0600 5:5 file k"),
                        // a directory the copy creates is root's 0755, then chowned: not the source's 1777
                        List.of("data/ 0755 65532:65532 dir", "data/keep 0600 65532:65532 file k"),
                        List.of("etc/passwd.copy 0644 0:0 file root:x:0:0")),
                image.layers());

        // built again with the stage unchanged: its layers are taken from the last assembly, no container is read
        engine.calls.clear();
        Image again = assemble(engine);
        assertEquals(image.id(), again.id());
        assertEquals(
                List.of("buildStage rootfs [.dockerignore, Dockerfile]", "load"),
                engine.calls.stream().filter(c -> !c.equals("pruneReplaced")).toList());
    }

    @Test
    void anAppendixIsTheLastLayerMadeOfTheFilesItReadsAndItsPathIsLabelled() throws Exception {
        context("FROM builder:1 AS rootfs\n"
                + "RUN make-rootfs\n"
                + "FROM scratch\n"
                + "COPY --from=rootfs /rootfs /\n"
                + "COPY app.jar /app/\n");
        FakeEngine engine = new FakeEngine();
        engine.archives.put("/rootfs", tar(rootfs -> {
            dir(rootfs, "rootfs/", 0755, 0);
            dir(rootfs, "rootfs/var/lib/dpkg/status.d/", 0755, 0);
            file(rootfs, "rootfs/var/lib/dpkg/status.d/libc6", 0644, 0, "Package: libc6");
            file(rootfs, "rootfs/var/lib/dpkg/status.d/zlib1g", 0644, 0, "Package: zlib1g");
            link(rootfs, "rootfs/var/lib/dpkg/status.d/zz", TarConstants.LF_LINK, "rootfs/var/lib/dpkg/status.d/libc6");
            dir(rootfs, "rootfs/var/lib/dpkg/status.d/deeper/", 0755, 0);
            file(rootfs, "rootfs/var/lib/dpkg/status.d/deeper/no", 0644, 0, "not read");
            file(rootfs, "rootfs/etc/os-release", 0644, 0, "ID=debian");
        }));
        List<Map<String, String>> seen = new ArrayList<>();
        appendix = new Appendix() {
            @Override
            public String path() {
                return "/usr/share/doc/image.txt";
            }

            @Override
            public String label() {
                return "org.example.document";
            }

            @Override
            public List<String> reads() {
                return List.of("var/lib/dpkg/status.d/", "etc/os-release");
            }

            @Override
            public byte[] content(Map<String, byte[]> files) {
                Map<String, String> text = new java.util.TreeMap<>();
                files.forEach((k, v) -> text.put(k, new String(v, StandardCharsets.UTF_8)));
                seen.add(text);
                return String.join(",", text.values()).getBytes(StandardCharsets.UTF_8);
            }
        };

        Image image = assemble(engine);

        Map<String, String> read = Map.of(
                "etc/os-release", "ID=debian",
                "var/lib/dpkg/status.d/libc6", "Package: libc6",
                "var/lib/dpkg/status.d/zlib1g", "Package: zlib1g",
                "var/lib/dpkg/status.d/zz", "Package: libc6");
        assertEquals(List.of(read), seen);
        assertEquals(
                List.of(
                        "usr/ 0755 0:0 dir",
                        "usr/share/ 0755 0:0 dir",
                        "usr/share/doc/ 0755 0:0 dir",
                        "usr/share/doc/image.txt 0644 0:0 file ID=debian,Package: libc6,Package: zlib1g,Package: libc6"),
                image.layers().get(2));
        assertEquals(
                "/usr/share/doc/image.txt",
                image.config()
                        .get("config")
                        .get("Labels")
                        .get("org.example.document")
                        .asText());
        JsonNode history = image.config().get("history");
        assertEquals(
                "COPY image.txt /usr/share/doc/image.txt",
                history.get(2).get("created_by").asText());

        // built again, its layers taken from the last assembly: the appendix reads them all the same
        Image again = assemble(engine);
        assertEquals(image.id(), again.id());
        assertEquals(List.of(read, read), seen);
    }

    @Test
    void sendsNoLayerTheEngineAlreadyHas() throws Exception {
        context("FROM scratch\nCOPY app.jar /app/\nCOPY probe/ /probe/\n");
        FakeEngine engine = new FakeEngine();
        Image first = assemble(engine);
        List<String> diffIds = new ArrayList<>();
        first.config().at("/rootfs/diff_ids").forEach(id -> diffIds.add(id.asText()));
        engine.layers.put("orders:1.0", List.of(diffIds.get(0), "sha256:other"));

        Image second = assemble(engine);

        assertEquals(first.id(), second.id());
        assertEquals(List.of(), second.layers().get(0), "the layer the engine has is named, not sent");
        assertEquals(3, second.layers().get(1).size(), "probe/, probe/dev/, probe/dev/Probe.class");
        assertTrue(!second.archived().contains(diffIds.get(0).substring(7) + "/layer.tar"));
    }

    @Test
    void namesWhatItCannotAssemble() throws Exception {
        Map<String, String> cases = new LinkedHashMap<>();
        cases.put("FROM scratch\nRUN true\n", "RUN at line 2 of Dockerfile");
        cases.put("FROM scratch\nADD app.jar /app/\n", "ADD at line 2 of Dockerfile");
        cases.put(
                "FROM scratch\nCOPY --chown=app app.jar /app/\n",
                "COPY --chown=app (a name: only numeric owners are assembled) at line 2 of Dockerfile");
        cases.put(
                "FROM scratch\nCOPY --from=busybox:1 /bin/sh /sh\n",
                "COPY --from=busybox:1 (not an earlier named stage) at line 2 of Dockerfile");
        cases.put("FROM scratch\nCOPY *.jar /app/\n", "COPY of the pattern *.jar at line 2 of Dockerfile");
        cases.put("FROM scratch\nEXPOSE 8000-8010\n", "EXPOSE of a port range at line 2 of Dockerfile");
        cases.put("FROM scratch\nCOPY --chmod=755 app.jar /app/\n", "COPY --chmod at line 2 of Dockerfile");
        cases.put("FROM scratch\nSHELL [\"/bin/bash\", \"-c\"]\n", "SHELL at line 2 of Dockerfile");
        for (Map.Entry<String, String> c : cases.entrySet()) {
            assertEquals(
                    c.getValue(),
                    ImageAssembler.unsupported(DockerfileParser.parse("Dockerfile", c.getKey(), Map.of())),
                    c.getKey());
        }
    }

    @Test
    void aMissingSourceNamesTheLine() throws Exception {
        context("FROM scratch\nCOPY notes.txt /app/\n");
        ImageBuildException e = assertThrows(ImageBuildException.class, () -> assemble(new FakeEngine()));
        assertEquals(
                "COPY at line 2 of the Dockerfile: notes.txt is not in the build context " + context
                        + " (or its .dockerignore excludes it)",
                e.getMessage());
    }

    @Test
    void aMissingBaseIsLeftToTheEngine() throws Exception {
        context("FROM debian:bookworm-slim\nCOPY app.jar /app/\n");
        CannotAssemble e = assertThrows(CannotAssemble.class, () -> assemble(new FakeEngine()));
        assertEquals("the base image debian:bookworm-slim is not in the engine", e.getMessage());
    }

    @Test
    void pullAlwaysLeavesAnImageBaseToTheEngine() throws Exception {
        context("FROM debian:bookworm-slim\nCOPY app.jar /app/\n");
        pull = PullPolicy.ALWAYS;
        CannotAssemble e = assertThrows(CannotAssemble.class, () -> assemble(new FakeEngine()));
        assertEquals(
                CoreException.mention("pull") + "=always: the engine pulls the base image debian:bookworm-slim anew",
                e.getMessage());
    }

    @Test
    void readsABaseImageOutOfTheEngineOncePerImageId() throws Exception {
        context("FROM debian:bookworm-slim\nCOPY app.jar /etc/app/\n");
        byte[] layer = tar(tar -> {
            dir(tar, "etc/", 0755, 0);
            file(tar, "etc/os-release", 0644, 0, "bookworm");
        });
        String diffId = "sha256:" + Sha256.hex(layer);
        byte[] config = ("{\"architecture\":\"amd64\",\"os\":\"linux\",\"config\":{\"Env\":[\"PATH=/usr/bin\"]},"
                        + "\"rootfs\":{\"type\":\"layers\",\"diff_ids\":[\"" + diffId + "\"]}}")
                .getBytes(StandardCharsets.UTF_8);
        String baseId = "sha256:" + Sha256.hex(config);
        byte[] saved = tar(tar -> {
            file(
                    tar,
                    "manifest.json",
                    0644,
                    0,
                    "[{\"Config\":\"" + baseId.substring(7) + ".json\","
                            + "\"RepoTags\":[\"debian:bookworm-slim\"],\"Layers\":[\"l/layer.tar\"]}]");
            file(tar, baseId.substring(7) + ".json", 0644, 0, new String(config, StandardCharsets.UTF_8));
            file(tar, "l/layer.tar", 0644, 0, layer);
        });
        FakeEngine engine = new FakeEngine().archive(saved).image(base(baseId));
        engine.layers.put("debian:bookworm-slim", List.of(diffId));

        Image first = assemble(engine);
        assertTrue(engine.calls.contains("save debian:bookworm-slim"), engine.calls.toString());
        assertEquals(diffId, first.config().at("/rootfs/diff_ids/0").asText());
        assertEquals(List.of(), first.layers().get(0), "the base's layer is the engine's");
        assertTrue(
                first.layers().get(1).contains("etc/app/app.jar 0644 0:0 file jar"),
                first.layers().toString());

        engine.calls.clear();
        Image again = assemble(engine);
        assertEquals(first.id(), again.id());
        assertFalse(engine.calls.contains("save debian:bookworm-slim"), "the same base id is not saved again");

        engine.calls.clear();
        engine.image(base("sha256:" + "d".repeat(64)));
        assertEquals(first.id(), assemble(engine).id());
        assertTrue(engine.calls.contains("save debian:bookworm-slim"), "another base id is read anew");
    }

    private static ImageDetails base(String id) {
        return FakeEngine.baseImage(id, "debian:bookworm-slim");
    }

    // --- tars as the engine's archive API writes them ---

    private interface TarBody {
        void write(TarArchiveOutputStream tar) throws IOException;
    }

    private static byte[] tar(TarBody body) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(bytes)) {
            body.write(tar);
        }
        return bytes.toByteArray();
    }

    private static void dir(TarArchiveOutputStream tar, String name, int mode, int owner) throws IOException {
        TarArchiveEntry entry = new TarArchiveEntry(name, TarConstants.LF_DIR);
        entry.setMode(mode);
        entry.setIds(owner, owner);
        tar.putArchiveEntry(entry);
        tar.closeArchiveEntry();
    }

    private static void file(TarArchiveOutputStream tar, String name, int mode, int owner, String content)
            throws IOException {
        file(tar, name, mode, owner, content.getBytes(StandardCharsets.UTF_8));
    }

    private static void file(TarArchiveOutputStream tar, String name, int mode, int owner, byte[] bytes)
            throws IOException {
        TarArchiveEntry entry = new TarArchiveEntry(name);
        entry.setMode(mode);
        entry.setIds(owner, owner);
        entry.setSize(bytes.length);
        tar.putArchiveEntry(entry);
        tar.write(bytes);
        tar.closeArchiveEntry();
    }

    private static void link(TarArchiveOutputStream tar, String name, byte type, String target) throws IOException {
        TarArchiveEntry entry = new TarArchiveEntry(name, type);
        entry.setLinkName(target);
        entry.setMode(type == TarConstants.LF_SYMLINK ? 0777 : 0755);
        tar.putArchiveEntry(entry);
        tar.closeArchiveEntry();
    }
}
