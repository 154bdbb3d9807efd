package dev.dockyard.image.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dockyard.image.stage.ArtifactInput;
import dev.dockyard.image.stage.JarLayout;
import dev.dockyard.image.stage.JarLayouts;
import dev.dockyard.image.stage.StagingPlan;
import dev.dockyard.image.stage.StagingPlan.PlannedLayer;
import dev.dockyard.image.support.CoreException;
import dev.dockyard.image.support.UserFixableException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JarLayoutsTest {

    @TempDir
    Path root;

    @Test
    void springBootJarIsStagedExplodedInTheLayersOfItsIndexWithoutLoaderOrDuplicates() throws Exception {
        Requests.Fixture fixture = Requests.fixture(root);
        Path lib = fixture.artifacts().get(0).file();
        Path common = fixture.artifacts().get(2).file();
        Path boot = root.resolve("orders/target/orders-boot.jar");
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("org/springframework/boot/loader/launch/JarLauncher.class", new byte[] {1});
        entries.put("BOOT-INF/classes/com/acme/orders/Main.class", new byte[] {2});
        entries.put("BOOT-INF/classes/application.properties", "a=b".getBytes(StandardCharsets.UTF_8));
        entries.put("BOOT-INF/lib/common-1.0.jar", Files.readAllBytes(common));
        entries.put("BOOT-INF/lib/lib-2.1.jar", Files.readAllBytes(lib));
        entries.put("BOOT-INF/lib/spring-boot-jarmode-tools-3.5.7.jar", new byte[] {3});
        entries.put(
                "BOOT-INF/classpath.idx",
                ("- \"BOOT-INF/lib/lib-2.1.jar\"\n- \"BOOT-INF/lib/common-1.0.jar\"\n"
                                + "- \"BOOT-INF/lib/spring-boot-jarmode-tools-3.5.7.jar\"\n")
                        .getBytes(StandardCharsets.UTF_8));
        entries.put(
                "BOOT-INF/layers.idx",
                ("- \"dependencies\":\n  - \"BOOT-INF/lib/\"\n- \"spring-boot-loader\":\n"
                                + "  - \"org/\"\n- \"snapshot-dependencies\":\n- \"application\":\n  - \"BOOT-INF/classes/\"\n"
                                + "  - \"BOOT-INF/lib/common-1.0.jar\"\n  - \"META-INF/\"\n")
                        .getBytes(StandardCharsets.UTF_8));
        write(
                boot,
                Map.of(
                        "Main-Class",
                        "org.springframework.boot.loader.launch.JarLauncher",
                        "Start-Class",
                        "com.acme.orders.Main",
                        "Spring-Boot-Version",
                        "3.5.7",
                        "Spring-Boot-Classes",
                        "BOOT-INF/classes/",
                        "Spring-Boot-Lib",
                        "BOOT-INF/lib/",
                        "Spring-Boot-Classpath-Index",
                        "BOOT-INF/classpath.idx",
                        "Spring-Boot-Layers-Index",
                        "BOOT-INF/layers.idx"),
                entries);

        RenderRequest request = with(fixture.request("java-service", null), boot);
        StagingPlan plan = plan(request);
        assertEquals(JarLayout.SPRING_BOOT, plan.layout());
        assertEquals("com.acme.orders.Main", plan.mainClass());
        assertEquals(
                Map.of(
                        "dependencies",
                        List.of("lib-2.1.jar"),
                        "modules",
                        List.of("common-1.0.jar"),
                        "application",
                        List.of("orders-boot.jar")),
                names(plan));
        assertEquals(
                List.of("dependencies", "modules", "application"),
                plan.layers().stream().map(PlannedLayer::name).toList());
        assertEquals(List.of("app/orders-boot.jar", "lib/lib-2.1.jar", "modules/common-1.0.jar"), plan.classpath());

        RenderResult result = new DockerfileRenderer(new TemplateEngines()).render(request);
        Path classes = result.context().resolve("layers/application/orders-boot.jar");
        try (ZipFile zip = new ZipFile(classes.toFile())) {
            assertEquals(
                    List.of(JarFile.MANIFEST_NAME, "com/acme/orders/Main.class", "application.properties"),
                    zip.stream().map(ZipEntry::getName).toList());
            assertEquals(
                    "com.acme.orders.Main",
                    new JarFile(classes.toFile())
                            .getManifest()
                            .getMainAttributes()
                            .getValue("Main-Class"));
        }
        assertTrue(Files.readString(result.dockerfile())
                .contains("\"-cp\", \"/app/app/orders-boot.jar:/app/lib/lib-2.1.jar:/app/modules/common-1.0.jar\""));
        byte[] first = Files.readAllBytes(classes);
        Files.delete(classes);
        Files.delete(result.context().resolve("Dockerfile"));
        new DockerfileRenderer(new TemplateEngines()).render(request);
        assertTrue(java.util.Arrays.equals(first, Files.readAllBytes(classes)), "the classes jar is reproducible");
    }

    @Test
    void shadedJarIsStagedWithoutTheDependenciesInsideIt() throws Exception {
        Requests.Fixture fixture = Requests.fixture(root);
        Path shaded = root.resolve("orders/target/orders-shaded.jar");
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("com/acme/orders/Main.class", new byte[] {1});
        entries.put("org/lib/Lib.class", new byte[] {2});
        entries.put("META-INF/maven/org.lib/lib/pom.properties", new byte[] {3});
        write(shaded, Map.of("Main-Class", Requests.MAIN), entries);
        addPomProperties(fixture.artifacts().get(0).file());

        StagingPlan plan = plan(with(fixture.request("java-service", null), shaded));
        assertEquals(JarLayout.SHADED, plan.layout());
        assertTrue(
                plan.summary().startsWith("shaded jar: 1 of 3 dependencies are inside orders-shaded.jar"),
                plan.summary());
        assertEquals(List.of(), plan.warnings());
        assertTrue(!names(plan).containsKey("dependencies"));
        // what the module scan reads the held library's descriptor from
        assertEquals(List.of(fixture.artifacts().get(0).file()), plan.held());
    }

    @Test
    void assemblyJarWithDependenciesThatReplacesTheJarIsStagedAloneWithoutItsDependencies() throws Exception {
        // appendAssemblyId=false: the module's jar is the uber jar, the dependencies unpacked into it with their
        // META-INF/maven metadata, as maven-assembly-plugin's jar-with-dependencies leaves them
        Requests.Fixture fixture = Requests.fixture(root);
        for (ArtifactInput artifact : fixture.artifacts()) {
            addPomProperties(
                    artifact.file(), artifact.groupId() + "/" + artifact.file().getFileName());
        }
        Path uber = root.resolve("orders/target/orders-1.0.jar");
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("com/acme/orders/Main.class", new byte[] {1});
        entries.put("org/lib/Lib.class", new byte[] {2});
        entries.put("META-INF/maven/com.acme/orders/pom.properties", new byte[] {3});
        for (ArtifactInput artifact : fixture.artifacts()) {
            entries.put(
                    "META-INF/maven/" + artifact.groupId() + "/"
                            + artifact.file().getFileName() + "/pom.properties",
                    new byte[] {4});
        }
        write(uber, Map.of("Main-Class", Requests.MAIN, "Created-By", "Maven Archiver 3.6.1"), entries);

        StagingPlan plan = plan(with(fixture.request("java-service", null), uber));
        assertEquals(JarLayout.SHADED, plan.layout());
        assertEquals(
                "shaded jar: 3 of 3 dependencies are inside orders-1.0.jar and are not staged again", plan.summary());
        assertEquals(Map.of("application", List.of("orders-1.0.jar")), names(plan));
        assertEquals(List.of("app/orders-1.0.jar"), plan.classpath());
        assertEquals(List.of(), plan.warnings());
        assertEquals(fixture.artifacts().stream().map(ArtifactInput::file).toList(), plan.held());
    }

    @Test
    void attachedAssemblyJarWithDependenciesIsNotUsedAndTheLayoutLineSaysWhy() throws Exception {
        // the assembly plugin's default: the thin jar stays the module's jar, the uber jar is attached beside it
        Requests.Fixture fixture = Requests.fixture(root);
        Path attached = root.resolve("orders/target/orders-1.0-jar-with-dependencies.jar");
        write(
                attached,
                Map.of("Main-Class", Requests.MAIN),
                Map.of("com/acme/orders/Main.class", new byte[] {1}, "org/lib/Lib.class", new byte[] {2}));
        assertEquals(List.of(attached), JarLayouts.watched(fixture.applicationJar()));

        StagingPlan plan = plan(fixture.request("java-service", null));
        assertEquals(JarLayout.PLAIN, plan.layout());
        assertEquals(
                "plain class path; orders-1.0-jar-with-dependencies.jar (attached by maven-assembly-plugin) is"
                        + " not used: the thin jar and its dependencies are staged in their own layers, so a code change"
                        + " rebuilds only the application layer",
                plan.summary());
        assertEquals(
                Map.of(
                        "dependencies",
                        List.of("lib-2.1.jar"),
                        "snapshot-dependencies",
                        List.of("snap-0.1-SNAPSHOT.jar"),
                        "modules",
                        List.of("common-1.0.jar"),
                        "application",
                        List.of("orders-1.0.jar")),
                names(plan));
        assertEquals(List.of(), plan.warnings());

        Files.delete(attached);
        assertEquals(
                "plain class path", plan(fixture.request("java-service", null)).summary());
    }

    @Test
    void unrecognisedFatJarIsStagedPlainWithAWarningSayingWhatToSet() throws Exception {
        Requests.Fixture fixture = Requests.fixture(root);
        Path fat = root.resolve("orders/target/orders-fat.jar");
        write(fat, Map.of("Main-Class", Requests.MAIN), Map.of("org/lib/Lib.class", new byte[] {2}));

        StagingPlan plan = plan(with(fixture.request("java-service", null), fat));
        assertEquals(JarLayout.PLAIN, plan.layout());
        assertEquals(1, plan.warnings().size());
        assertTrue(
                CoreException.plain(plan.warnings().get(0)).contains("Set <layout>=shaded"),
                plan.warnings().get(0));
        assertEquals(List.of("lib-2.1.jar"), names(plan).get("dependencies"));
    }

    @Test
    void quarkusFastJarIsStagedAsItsLibAndApplicationFiles() throws Exception {
        Requests.Fixture fixture = Requests.fixture(root);
        Path app = root.resolve("orders/target/quarkus-app");
        write(
                app.resolve("quarkus-run.jar"),
                Map.of("Main-Class", "io.quarkus.bootstrap.runner.QuarkusEntryPoint"),
                Map.of());
        Files.createDirectories(app.resolve("lib/boot"));
        Files.createDirectories(app.resolve("lib/main"));
        Files.copy(fixture.artifacts().get(0).file(), app.resolve("lib/main/org.lib.lib-2.1.jar"));
        Files.copy(fixture.artifacts().get(1).file(), app.resolve("lib/boot/io.quarkus.quarkus-bootstrap-runner.jar"));
        Files.copy(
                fixture.applicationJar(),
                Files.createDirectories(app.resolve("app")).resolve("orders-1.0.jar"));
        Files.writeString(Files.createDirectories(app.resolve("quarkus")).resolve("quarkus-application.dat"), "x");

        StagingPlan plan = plan(with(fixture.request("java-service", null), app.resolve("quarkus-run.jar")));
        assertEquals(JarLayout.QUARKUS, plan.layout());
        assertEquals(
                Map.of(
                        "dependencies",
                        List.of("boot/io.quarkus.quarkus-bootstrap-runner.jar", "main/org.lib.lib-2.1.jar"),
                        "application",
                        List.of("quarkus-run.jar", "app/orders-1.0.jar", "quarkus/quarkus-application.dat")),
                names(plan));
        assertEquals(
                List.of("lib", ""),
                plan.layers().stream().map(PlannedLayer::imageDirectory).toList());
        assertEquals(List.of("quarkus-run.jar"), plan.classpath());
        assertEquals("io.quarkus.bootstrap.runner.QuarkusEntryPoint", plan.mainClass());
    }

    /** The module's staging plan as the renderer asks for it. */
    private static StagingPlan plan(RenderRequest request) throws UserFixableException, IOException {
        return JarLayouts.plan(request.layout(), request.applicationJar(), request.artifacts());
    }

    private static Map<String, List<String>> names(StagingPlan plan) {
        Map<String, List<String>> names = new LinkedHashMap<>();
        for (PlannedLayer layer : plan.layers()) {
            names.put(
                    layer.name(),
                    layer.files().stream().map(StagingPlan.PlannedFile::path).toList());
        }
        return names;
    }

    @Test
    void aRepackagedJarWrittenAgainWithTheSameSizeAndTimeIsStagedAgain() throws Exception {
        // spring-boot-maven-plugin gives the repackaged jar the time of project.build.outputTimestamp: a change of
        // one class that keeps the jar's size leaves size and time as they were
        Requests.Fixture fixture = Requests.fixture(root);
        Path boot = root.resolve("orders/target/orders-boot.jar");
        java.nio.file.attribute.FileTime fixed = java.nio.file.attribute.FileTime.fromMillis(1767225600000L);
        DockerfileRenderer renderer = new DockerfileRenderer(new TemplateEngines());
        RenderRequest request = with(fixture.request("java-service", null), boot);
        long size = -1;
        for (String revision : List.of("revision 2", "revision 3")) {
            Map<String, byte[]> entries = new LinkedHashMap<>();
            entries.put("org/springframework/boot/loader/launch/JarLauncher.class", new byte[] {1});
            entries.put("BOOT-INF/classes/com/acme/orders/Main.class", revision.getBytes(StandardCharsets.UTF_8));
            entries.put(
                    "BOOT-INF/lib/lib-2.1.jar",
                    Files.readAllBytes(fixture.artifacts().get(0).file()));
            write(
                    boot,
                    Map.of(
                            "Main-Class",
                            "org.springframework.boot.loader.launch.JarLauncher",
                            "Start-Class",
                            "com.acme.orders.Main",
                            "Spring-Boot-Version",
                            "3.5.7",
                            "Spring-Boot-Classes",
                            "BOOT-INF/classes/",
                            "Spring-Boot-Lib",
                            "BOOT-INF/lib/"),
                    entries);
            Files.setLastModifiedTime(boot, fixed);
            assertTrue(size == -1 || size == Files.size(boot), "the same size");
            size = Files.size(boot);

            RenderResult result = renderer.render(request);
            assertEquals(false, result.upToDate(), revision);
            try (ZipFile zip = new ZipFile(result.context()
                    .resolve("layers/application/orders-boot.jar")
                    .toFile())) {
                assertEquals(
                        revision,
                        new String(
                                zip.getInputStream(zip.getEntry("com/acme/orders/Main.class"))
                                        .readAllBytes(),
                                StandardCharsets.UTF_8));
            }
            assertTrue(renderer.render(request).upToDate(), "nothing changed since");
        }
    }

    @Test
    void aPlainJarWrittenAgainWithTheSameSizeAndTimeIsRenderedAndStagedAgain() throws Exception {
        Requests.Fixture fixture = Requests.fixture(root);
        Path jar = fixture.applicationJar();
        Map<String, String> manifest = new LinkedHashMap<>();
        Map<String, byte[]> original = new LinkedHashMap<>();
        try (JarFile zip = new JarFile(jar.toFile())) {
            zip.getManifest().getMainAttributes().forEach((k, v) -> manifest.put(k.toString(), v.toString()));
            for (ZipEntry entry : zip.stream()
                    .filter(e -> !e.isDirectory() && !e.getName().equals(JarFile.MANIFEST_NAME))
                    .toList()) {
                original.put(entry.getName(), zip.getInputStream(entry).readAllBytes());
            }
        }
        DockerfileRenderer renderer = new DockerfileRenderer(new TemplateEngines());
        RenderRequest request = fixture.request("java-service", null);
        java.nio.file.attribute.FileTime fixed = java.nio.file.attribute.FileTime.fromMillis(1767225600000L);
        long size = -1;
        for (String revision : List.of("revision 2", "revision 3")) {
            Map<String, byte[]> entries = new LinkedHashMap<>(original);
            entries.put("revision.txt", revision.getBytes(StandardCharsets.UTF_8));
            write(jar, manifest, entries);
            Files.setLastModifiedTime(jar, fixed);
            assertTrue(size == -1 || size == Files.size(jar), "the same size");
            size = Files.size(jar);

            RenderResult result = renderer.render(request);
            assertEquals(false, result.upToDate(), revision);
            try (ZipFile staged = new ZipFile(result.context()
                    .resolve("layers/application")
                    .resolve(jar.getFileName())
                    .toFile())) {
                assertEquals(
                        revision,
                        new String(
                                staged.getInputStream(staged.getEntry("revision.txt"))
                                        .readAllBytes(),
                                StandardCharsets.UTF_8));
            }
            assertTrue(renderer.render(request).upToDate(), "nothing changed since");
        }
    }

    private static RenderRequest with(RenderRequest r, Path jar) {
        JvmSettings jvm = new JvmSettings(
                null, r.jvm().options(), r.jvm().modules(), r.jvm().additionalModules());
        return r.with(copy -> {
            copy.jvm = jvm;
            copy.applicationJar = jar;
        });
    }

    private static void addPomProperties(Path jar) throws IOException {
        addPomProperties(jar, "org.lib/lib");
    }

    private static void addPomProperties(Path jar, String coordinates) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            for (ZipEntry entry : zip.stream().toList()) {
                if (!entry.isDirectory() && !entry.getName().equals(JarFile.MANIFEST_NAME)) {
                    entries.put(entry.getName(), zip.getInputStream(entry).readAllBytes());
                }
            }
        }
        entries.put("META-INF/maven/" + coordinates + "/pom.properties", new byte[] {3});
        write(jar, Map.of(), entries);
    }

    private static void write(Path jar, Map<String, String> attributes, Map<String, byte[]> entries)
            throws IOException {
        TestJars.write(jar, attributes, entries);
    }
}
