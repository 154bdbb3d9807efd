package dev.dockyard.image.sbom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.packageurl.PackageURL;
import dev.dockyard.image.support.Sha256;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.cyclonedx.Version;
import org.cyclonedx.model.Bom;
import org.cyclonedx.model.Component;
import org.cyclonedx.parsers.JsonParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SbomWriterTest {

    private static final Instant TIME = Instant.parse("2024-01-01T00:00:00Z");

    private static SbomLibrary lib(String g, String a, String v, boolean reactor, List<SbomLibrary> nested) {
        return new SbomLibrary(
                g, a, v, "lib/" + a + "-" + v + ".jar", "ab".repeat(32), List.of("Apache-2.0"), reactor, nested);
    }

    private static SbomRequest request(List<SbomLibrary> libraries, List<String> packages) {
        return new SbomRequest(
                "shop/orders",
                "1.0.0",
                TIME,
                "eclipse-temurin:21-jdk",
                "debian:bookworm-slim",
                null,
                21,
                List.of("java.base", "java.logging"),
                libraries,
                "debian",
                packages.stream()
                        .map(p ->
                                new DebianPackage(p.substring(0, p.indexOf('=')), p.substring(p.indexOf('=') + 1), ""))
                        .toList());
    }

    private static Bom parse(byte[] json) throws Exception {
        List<?> errors = new JsonParser().validate(json, Version.VERSION_16);
        assertEquals(List.of(), errors, new String(json, StandardCharsets.UTF_8));
        return new JsonParser().parse(json);
    }

    @Test
    void theSameRequestGivesTheSameBytesAndASchemaValidDocument() throws Exception {
        SbomRequest request = request(
                List.of(
                        lib("org.slf4j", "slf4j-api", "2.0.9", false, List.of()),
                        lib("com.example", "orders", "1.0.0", true, List.of())),
                List.of("zlib1g=1:1.2.13.dfsg-1"));
        byte[] first = new SbomWriter().write(request);
        byte[] second = new SbomWriter().write(request);
        assertArrayEquals(first, second);
        Bom bom = parse(first);
        assertTrue(bom.getSerialNumber().startsWith("urn:uuid:"), bom.getSerialNumber());
        assertEquals(TIME, bom.getMetadata().getTimestamp().toInstant());
        assertEquals("shop/orders", bom.getMetadata().getComponent().getName());
        assertEquals("1.0.0", bom.getMetadata().getComponent().getVersion());
        // another input, another serial number
        byte[] other = new SbomWriter().write(request(List.of(), List.of()));
        assertTrue(!parse(other).getSerialNumber().equals(bom.getSerialNumber()));
    }

    @Test
    void everyComponentKindIsListed() throws Exception {
        SbomLibrary boot = lib(
                "com.example",
                "app",
                "1.0.0",
                true,
                List.of(new SbomLibrary("org.yaml", "snakeyaml", "2.2", "", "", List.of(), false, List.of())));
        Bom bom = parse(new SbomWriter()
                .write(request(
                        List.of(lib("org.slf4j", "slf4j-api", "2.0.9", false, List.of()), boot),
                        List.of("zlib1g=1:1.2.13.dfsg-1"))));
        List<String> purls =
                bom.getComponents().stream().map(Component::getPurl).collect(Collectors.toList());
        assertEquals(
                java.util.Arrays.asList(
                        "pkg:docker/debian@bookworm-slim",
                        null,
                        "pkg:deb/debian/zlib1g@1:1.2.13.dfsg-1",
                        "pkg:maven/org.slf4j/slf4j-api@2.0.9?type=jar",
                        "pkg:maven/com.example/app@1.0.0?type=jar"),
                purls);
        Component runtime = bom.getComponents().get(1);
        assertEquals(Component.Type.PLATFORM, runtime.getType());
        assertEquals("Eclipse Adoptium", runtime.getGroup());
        assertEquals("21", runtime.getVersion());
        assertEquals(
                List.of("java.base", "java.logging"),
                runtime.getComponents().stream().map(Component::getName).collect(Collectors.toList()));
        Component slf4j = bom.getComponents().get(3);
        assertEquals("ab".repeat(32), slf4j.getHashes().get(0).getValue());
        assertEquals("Apache-2.0", slf4j.getLicenses().getLicenses().get(0).getName());
        Component app = bom.getComponents().get(4);
        assertTrue(app.getProperties().stream()
                .anyMatch(p -> p.getName().equals(SbomWriter.REACTOR_PROPERTY)
                        && p.getValue().equals("true")));
        assertEquals(
                "pkg:maven/org.yaml/snakeyaml@2.2?type=jar",
                app.getComponents().get(0).getPurl());
        assertEquals("image", bom.getDependencies().get(0).getRef());
        assertEquals(5, bom.getDependencies().get(0).getDependencies().size());
        assertTrue(bom.getDependencies().stream()
                .anyMatch(d -> d.getRef().equals(app.getBomRef())
                        && d.getDependencies().size() == 1));
    }

    @Test
    void aScratchImageHasNoBaseImageComponent() throws Exception {
        SbomRequest request = new SbomRequest(
                "orders",
                "1",
                null,
                "eclipse-temurin:21-jdk",
                "scratch",
                null,
                21,
                List.of("java.base"),
                List.of(),
                "debian",
                List.of());
        byte[] json = new SbomWriter().write(request);
        Bom bom = parse(json);
        assertTrue(
                !new String(json, StandardCharsets.UTF_8).contains("\"timestamp\""),
                "without outputTimestamp, no timestamp");
        assertArrayEquals(json, new SbomWriter().write(request));
        assertEquals(1, bom.getComponents().size());
        assertEquals("java-runtime", bom.getComponents().get(0).getName());
    }

    @Test
    void theBaseImageByItsManifestDigestIsAnOciPackage() throws Exception {
        String digest = "sha256:" + "d".repeat(64);
        SbomRequest request = request(List.of(), List.of())
                .withRuntimeDigest(new BaseDigest(digest, BaseDigest.Source.ENGINE_REPO_DIGEST));
        byte[] json = new SbomWriter().write(request);
        assertArrayEquals(json, new SbomWriter().write(request));
        Component base = parse(json).getComponents().get(0);
        assertEquals("base-image", base.getBomRef());
        assertEquals(Component.Type.CONTAINER, base.getType());
        assertEquals("debian:bookworm-slim", base.getName());
        assertEquals(digest, base.getVersion());
        assertEquals(
                "pkg:oci/debian@sha256%3A" + "d".repeat(64)
                        + "?repository_url=docker.io/library/debian&tag=bookworm-slim",
                base.getPurl());
        assertEquals("SHA-256", base.getHashes().get(0).getAlgorithm());
        assertEquals("d".repeat(64), base.getHashes().get(0).getValue());
        assertEquals(
                List.of(SbomWriter.DIGEST_SOURCE_PROPERTY + "=engine-repo-digest"),
                base.getProperties().stream()
                        .map(p -> p.getName() + "=" + p.getValue())
                        .toList());
        // as the purl specification's reference implementation reads it
        PackageURL purl = new PackageURL(base.getPurl());
        assertEquals("oci", purl.getType());
        assertEquals("debian", purl.getName());
        assertEquals(digest, purl.getVersion());
        assertEquals(
                java.util.Map.of("repository_url", "docker.io/library/debian", "tag", "bookworm-slim"),
                purl.getQualifiers());
        // another digest, another document
        assertTrue(!java.util.Arrays.equals(
                json,
                new SbomWriter()
                        .write(request.withRuntimeDigest(
                                new BaseDigest("sha256:" + "e".repeat(64), BaseDigest.Source.ENGINE_REPO_DIGEST)))));
    }

    @Test
    void aRegistryBaseWithAPortAndOnlyADigestHasNoTag() {
        assertEquals(
                "pkg:oci/jre@sha256%3A" + "d".repeat(64) + "?repository_url=localhost:5000/acme/jre",
                SbomWriter.ociPurl(
                        "localhost:5000/acme/jre@sha256:" + "d".repeat(64),
                        new BaseDigest("sha256:" + "d".repeat(64), BaseDigest.Source.ENGINE_REPO_DIGEST)));
    }

    @Test
    void aBaseKnownByItsImageIdKeepsItsDockerPurlAndSaysWhatTheDigestIs() throws Exception {
        String id = "sha256:" + "c".repeat(64);
        Component base = parse(new SbomWriter()
                        .write(request(List.of(), List.of())
                                .withRuntimeDigest(new BaseDigest(id, BaseDigest.Source.ENGINE_IMAGE_ID))))
                .getComponents()
                .get(0);
        assertEquals("pkg:docker/debian@bookworm-slim", base.getPurl());
        assertEquals(id, base.getVersion());
        assertEquals("c".repeat(64), base.getHashes().get(0).getValue());
        assertEquals("engine-image-id", base.getProperties().get(0).getValue());
        // before image:build: the name alone
        Component named = parse(new SbomWriter().write(request(List.of(), List.of())))
                .getComponents()
                .get(0);
        assertEquals(null, named.getVersion());
        assertEquals(null, named.getHashes());
        assertEquals(null, named.getProperties());
    }

    @Test
    void shadedAndNestedLibrariesAreFoundInsideAJar(@TempDir Path dir) throws IOException {
        Path nested = dir.resolve("nested.jar");
        writeJar(
                nested,
                "META-INF/maven/org.yaml/snakeyaml/pom.properties",
                "groupId=org.yaml\nartifactId=snakeyaml\nversion=2.2\n".getBytes(StandardCharsets.ISO_8859_1));
        Path jar = dir.resolve("app.jar");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(jar))) {
            put(
                    out,
                    "META-INF/maven/com.example/app/pom.properties",
                    "groupId=com.example\nartifactId=app\nversion=1.0.0\n".getBytes(StandardCharsets.ISO_8859_1));
            put(
                    out,
                    "META-INF/maven/org.slf4j/slf4j-api/pom.properties",
                    "groupId=org.slf4j\nartifactId=slf4j-api\nversion=2.0.9\n".getBytes(StandardCharsets.ISO_8859_1));
            put(out, "BOOT-INF/lib/snakeyaml-2.2.jar", Files.readAllBytes(nested));
        }
        List<SbomLibrary> inside = JarContents.inside(jar, new JarContents.Coordinates("com.example", "app", "1.0.0"));
        assertEquals(
                List.of("pkg:maven/org.yaml/snakeyaml@2.2?type=jar", "pkg:maven/org.slf4j/slf4j-api@2.0.9?type=jar"),
                inside.stream().map(SbomLibrary::purl).collect(Collectors.toList()));
        assertEquals(Sha256.hex(nested), inside.get(0).sha256());
        assertEquals(2, JarContents.mavenEntries(jar).size());
    }

    private static void writeJar(Path jar, String name, byte[] content) throws IOException {
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(jar))) {
            put(out, name, content);
        }
    }

    private static void put(ZipOutputStream out, String name, byte[] content) throws IOException {
        out.putNextEntry(new ZipEntry(name));
        out.write(content);
        out.closeEntry();
    }

    @Test
    void thePushedDocumentIsTheSameBomRevisedToNameTheImageByItsManifestDigest() throws Exception {
        byte[] document = new SbomWriter()
                .write(request(
                        List.of(lib("org.example", "lib", "1.0", false, List.of())), List.of("libc6=2.36-9+deb12u10")));
        String digest = "sha256:" + "c0".repeat(32);
        byte[] pushed = new SbomWriter().pushed(document, "127.0.0.1:5000/shop/orders", digest);

        Bom image = parse(document);
        Bom revised = parse(pushed);
        assertEquals(image.getSerialNumber(), revised.getSerialNumber(), "the same BOM");
        assertEquals(1, image.getVersion());
        assertEquals(2, revised.getVersion());
        Component component = revised.getMetadata().getComponent();
        assertEquals(
                "pkg:oci/orders@sha256%3A" + "c0".repeat(32) + "?repository_url=127.0.0.1:5000/shop/orders&tag=1.0.0",
                component.getPurl());
        assertEquals("c0".repeat(32), component.getHashes().get(0).getValue());
        assertEquals("SHA-256", component.getHashes().get(0).getAlgorithm());
        assertEquals("1.0.0", component.getVersion());
        // all else as the image holds it
        ObjectMapper json = new ObjectMapper();
        ObjectNode held = (ObjectNode) json.readTree(document);
        ObjectNode sent = (ObjectNode) json.readTree(pushed);
        for (ObjectNode node : List.of(held, sent)) {
            node.remove("version");
            ((ObjectNode) node.path("metadata").path("component")).remove(List.of("purl", "hashes"));
        }
        assertEquals(held, sent);
        assertArrayEquals(pushed, new SbomWriter().pushed(document, "127.0.0.1:5000/shop/orders", digest));
        // not a document this writer reads: pushed as the image holds it
        byte[] other = "{\"not\": \"cyclonedx\"".getBytes(StandardCharsets.UTF_8);
        assertArrayEquals(other, new SbomWriter().pushed(other, "127.0.0.1:5000/shop/orders", digest));
    }

    @Test
    void aJarOfNoMavenCoordinatesIsNamedByItsFileWithNoPurl() throws Exception {
        SbomLibrary generated = new SbomLibrary(
                "",
                "generated-bytecode",
                "",
                "/app/quarkus/generated-bytecode.jar",
                "cd".repeat(32),
                List.of(),
                false,
                List.of());
        Bom bom = parse(new SbomWriter().write(request(List.of(generated), List.of())));
        Component c = bom.getComponents().stream()
                .filter(x -> "generated-bytecode".equals(x.getName()))
                .findFirst()
                .orElseThrow();
        assertEquals(null, c.getPurl());
        assertEquals(null, c.getVersion());
        assertEquals(null, c.getGroup());
        assertEquals("file:/app/quarkus/generated-bytecode.jar", c.getBomRef());
        assertEquals("cd".repeat(32), c.getHashes().get(0).getValue());
    }
}
