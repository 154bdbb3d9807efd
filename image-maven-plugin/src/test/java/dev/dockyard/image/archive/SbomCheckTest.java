package dev.dockyard.image.archive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dockyard.image.sbom.DebianPackage;
import dev.dockyard.image.sbom.SbomLibrary;
import dev.dockyard.image.sbom.SbomRequest;
import dev.dockyard.image.sbom.SbomWriter;
import dev.dockyard.image.support.Sha256;
import dev.dockyard.image.verify.Check;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** image:check's reading of an archive's embedded SBOM, on archives built here layer by layer. */
class SbomCheckTest {

    private static final byte[] LANG = "lang3 jar".getBytes(StandardCharsets.UTF_8);
    private static final byte[] APP = "app jar".getBytes(StandardCharsets.UTF_8);
    private static final String LIBC = "Package: libc6\nArchitecture: amd64\nVersion: 2.36-9+deb12u4\n";
    private static final String ZLIB = "Package: zlib1g\nArchitecture: amd64\nVersion: 1:1.2.13.dfsg-1\n";

    @TempDir
    Path dir;

    private static SbomLibrary library(String artifact, String version, String path, byte[] jar) {
        return new SbomLibrary("com.example", artifact, version, path, Sha256.hex(jar), List.of(), false, List.of());
    }

    private static byte[] sbom(List<SbomLibrary> libraries, List<DebianPackage> packages) {
        return new SbomWriter()
                .write(new SbomRequest(
                        "orders",
                        "1.0",
                        Instant.parse("2026-01-01T00:00:00Z"),
                        "eclipse-temurin:17-jdk",
                        "scratch",
                        null,
                        17,
                        List.of("java.base"),
                        libraries,
                        "debian",
                        packages));
    }

    private static final List<SbomLibrary> LIBRARIES = List.of(
            library("hello", "1.0", "/app/hello-1.0.jar", APP),
            library("commons-lang3", "3.17.0", "/app/lib/commons-lang3-3.17.0.jar", LANG));
    private static final List<DebianPackage> PACKAGES = List.of(
            new DebianPackage("libc6", "2.36-9+deb12u4", "amd64"),
            new DebianPackage("zlib1g", "1:1.2.13.dfsg-1", "amd64"));

    /** A layer: path → content; {@code null} content for a directory. */
    private static byte[] layer(Map<String, byte[]> entries) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(bytes)) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                TarArchiveEntry header = e.getValue() == null
                        ? new TarArchiveEntry(e.getKey() + "/", TarConstants.LF_DIR)
                        : new TarArchiveEntry(e.getKey());
                if (e.getValue() != null) {
                    header.setSize(e.getValue().length);
                }
                tar.putArchiveEntry(header);
                if (e.getValue() != null) {
                    tar.write(e.getValue());
                }
                tar.closeArchiveEntry();
            }
        }
        return bytes.toByteArray();
    }

    private static Map<String, byte[]> rootfs() {
        Map<String, byte[]> rootfs = new LinkedHashMap<>();
        rootfs.put("opt", null);
        rootfs.put("opt/java/release", "JAVA_VERSION=\"17\"".getBytes(StandardCharsets.UTF_8));
        rootfs.put("opt/java/lib/modules", new byte[10]);
        rootfs.put("opt/java/lib/jrt-fs.jar", new byte[10]); // part of the runtime, not a library
        rootfs.put("var/lib/dpkg/status.d", null);
        rootfs.put("var/lib/dpkg/status.d/libc6", LIBC.getBytes(StandardCharsets.UTF_8));
        rootfs.put("var/lib/dpkg/status.d/zlib1g", ZLIB.getBytes(StandardCharsets.UTF_8));
        return rootfs;
    }

    private static Map<String, byte[]> jars() {
        Map<String, byte[]> jars = new LinkedHashMap<>();
        jars.put("app/hello-1.0.jar", APP);
        jars.put("app/lib/commons-lang3-3.17.0.jar", LANG);
        return jars;
    }

    private Path archive(String label, List<Map<String, byte[]>> layers) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        StringBuilder names = new StringBuilder();
        // written in the reverse of their order, as nothing promises the archive's order is the manifest's
        for (int i = layers.size() - 1; i >= 0; i--) {
            entries.put("layer" + i + "/layer.tar", layer(layers.get(i)));
        }
        for (int i = 0; i < layers.size(); i++) {
            names.append(i == 0 ? "" : ",").append("\"layer").append(i).append("/layer.tar\"");
        }
        String labels = label == null ? "{}" : "{\"" + SbomWriter.LABEL + "\":\"" + label + "\"}";
        entries.put(
                "c".repeat(64) + ".json",
                ("{\"config\":{\"User\":\"65532\",\"Labels\":" + labels + "},\"history\":[]}")
                        .getBytes(StandardCharsets.UTF_8));
        entries.put(
                "manifest.json",
                ("[{\"Config\":\"" + "c".repeat(64) + ".json\",\"RepoTags\":[\"orders:1.0\"],\"Layers\":[" + names
                                + "]}]")
                        .getBytes(StandardCharsets.UTF_8));
        Path file = dir.resolve("orders-1.0.tar");
        Files.write(file, layer(entries));
        return file;
    }

    private static Map<String, byte[]> sbomLayer(byte[] document) {
        Map<String, byte[]> layer = new LinkedHashMap<>();
        layer.put("usr/share/dockyard/sbom.cdx.json", document);
        return layer;
    }

    private static Check check(Path archive) throws ArchiveException {
        return SbomCheck.check(new ArchiveReader().read(archive));
    }

    @Test
    void anSbomListingExactlyTheImagesJarsAndPackagesPasses() throws Exception {
        Path archive = archive(SbomWriter.IMAGE_PATH, List.of(rootfs(), jars(), sbomLayer(sbom(LIBRARIES, PACKAGES))));
        Check check = check(archive);
        assertEquals(Check.Status.PASS, check.status(), check.message());
        assertEquals(
                SbomWriter.IMAGE_PATH + " is valid CycloneDX 1.6 and lists exactly the image's 2 jars and 2 Debian"
                        + " packages",
                check.message());
        // and as a check of image:check
        Check inCheck = new ArchiveCheck()
                .check(archive, 1_000_000, List.of(), List.of())
                .checks()
                .get(6);
        assertEquals(List.of("sbom", check.message()), List.of(inCheck.name(), inCheck.message()));
    }

    @Test
    void aJarOfTheImageTheSbomLacksFailsNamingIt() throws Exception {
        Map<String, byte[]> jars = jars();
        jars.put("app/lib/extra-1.jar", "x".getBytes(StandardCharsets.UTF_8));
        Check check =
                check(archive(SbomWriter.IMAGE_PATH, List.of(rootfs(), jars, sbomLayer(sbom(LIBRARIES, PACKAGES)))));
        assertEquals(Check.Status.FAIL, check.status());
        assertEquals(
                "the SBOM " + SbomWriter.IMAGE_PATH + " does not match the image: /app/lib/extra-1.jar is in the"
                        + " image but not in the SBOM",
                check.message());
    }

    @Test
    void aListedJarWithOtherBytesOrAPackageTheImageLacksFailsNamingTheFile() throws Exception {
        Map<String, byte[]> jars = jars();
        jars.put("app/lib/commons-lang3-3.17.0.jar", "changed".getBytes(StandardCharsets.UTF_8));
        jars.put("var/lib/dpkg/status.d/.wh.zlib1g", new byte[0]); // a later layer removes the package entry
        Check check =
                check(archive(SbomWriter.IMAGE_PATH, List.of(rootfs(), jars, sbomLayer(sbom(LIBRARIES, PACKAGES)))));
        assertEquals(Check.Status.FAIL, check.status());
        assertEquals(
                "the SBOM " + SbomWriter.IMAGE_PATH + " does not match the image: /var/lib/dpkg/status.d/zlib1g"
                        + " (pkg:deb/debian/zlib1g@1:1.2.13.dfsg-1?arch=amd64) is listed but not in the image;"
                        + " /app/lib/commons-lang3-3.17.0.jar has SHA-256 "
                        + Sha256.hex("changed".getBytes(StandardCharsets.UTF_8)) + ", the SBOM states "
                        + Sha256.hex(LANG),
                check.message());
    }

    @Test
    void aJarOfNoMavenCoordinatesCountsAsAJarAndItsHashIsChecked() throws Exception {
        byte[] generated = "generated bytecode".getBytes(StandardCharsets.UTF_8);
        List<SbomLibrary> libraries = new java.util.ArrayList<>(LIBRARIES);
        libraries.add(new SbomLibrary(
                "",
                "generated-bytecode",
                "",
                "/app/quarkus/generated-bytecode.jar",
                Sha256.hex(generated),
                List.of(),
                false,
                List.of()));
        Map<String, byte[]> jars = jars();
        jars.put("app/quarkus/generated-bytecode.jar", generated);
        Check check =
                check(archive(SbomWriter.IMAGE_PATH, List.of(rootfs(), jars, sbomLayer(sbom(libraries, PACKAGES)))));
        assertEquals(Check.Status.PASS, check.status(), check.message());
        assertTrue(check.message().contains("lists exactly the image's 3 jars"), check.message());

        jars.put("app/quarkus/generated-bytecode.jar", "rebuilt".getBytes(StandardCharsets.UTF_8));
        Check changed =
                check(archive(SbomWriter.IMAGE_PATH, List.of(rootfs(), jars, sbomLayer(sbom(libraries, PACKAGES)))));
        assertEquals(Check.Status.FAIL, changed.status());
        assertTrue(changed.message().contains("/app/quarkus/generated-bytecode.jar has SHA-256 "), changed.message());
    }

    @Test
    void aPackageEntryTheSbomLacksOrOfAnotherVersionFails() throws Exception {
        Check check = check(archive(
                SbomWriter.IMAGE_PATH,
                List.of(
                        rootfs(),
                        jars(),
                        sbomLayer(sbom(LIBRARIES, List.of(new DebianPackage("libc6", "2.36-9+deb12u3", "amd64")))))));
        assertEquals(
                "the SBOM " + SbomWriter.IMAGE_PATH + " does not match the image: /var/lib/dpkg/status.d/libc6 is"
                        + " not the entry of libc6 2.36-9+deb12u3 the SBOM lists; /var/lib/dpkg/status.d/zlib1g is in"
                        + " the image but not in the SBOM",
                check.message());
    }

    @Test
    void aDocumentThatIsNotCycloneDxOrIsMissingFails() throws Exception {
        Check invalid = check(archive(
                SbomWriter.IMAGE_PATH,
                List.of(
                        rootfs(),
                        sbomLayer("{\"bomFormat\":\"CycloneDX\",\"specVersion\":\"1.6\",\"version\":\"x\"}"
                                .getBytes(StandardCharsets.UTF_8)))));
        assertEquals(Check.Status.FAIL, invalid.status());
        assertTrue(
                invalid.message().startsWith(SbomWriter.IMAGE_PATH + " is not a valid CycloneDX 1.6 document: "),
                invalid.message());

        Check missing = check(archive("/elsewhere.json", List.of(rootfs())));
        assertEquals(
                "the label dev.dockyard.sbom names /elsewhere.json, which the image does not hold", missing.message());
    }

    @Test
    void anImageWithoutTheLabelIsSkipped() throws Exception {
        Check check = check(archive(null, List.of(rootfs())));
        assertEquals(Check.Status.SKIPPED, check.status());
    }
}
