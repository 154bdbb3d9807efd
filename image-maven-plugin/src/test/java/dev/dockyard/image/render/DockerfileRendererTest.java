package dev.dockyard.image.render;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dockyard.image.stage.StagedLayer;
import dev.dockyard.image.support.CoreException;
import dev.dockyard.image.support.UserFixableException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DockerfileRendererTest {

    @TempDir
    Path root;

    private Requests.Fixture fixture;
    private final DockerfileRenderer renderer = new DockerfileRenderer(new TemplateEngines());

    @BeforeEach
    void setUp() throws IOException {
        fixture = Requests.fixture(root);
    }

    @Test
    void rendersTheDefaultTemplateExactly() throws Exception {
        RenderResult result = renderer.render(fixture.request("java-service", null));
        assertGolden("java-service.Dockerfile", result.dockerfile());
        assertEquals("bundled template java-service.ftl", result.template());
    }

    @Test
    void withTheReactorsRuntimeTheServiceLinksTheUnionInAStageAndFirstLayerOfItsOwn() throws Exception {
        RenderRequest request = fixture.request("java-service", null);
        List<String> union = List.of("java.base", "java.net.http", "java.sql", "jdk.crypto.ec", "jdk.httpserver");
        RenderResult result = renderer.render(request.withJvm(reactor(request.jvm(), union)));
        assertEquals(union, result.modules());
        assertGolden("java-service-reactor.Dockerfile", result.dockerfile());
    }

    @Test
    void aServiceNeedingAModuleTheReactorsRuntimeLacksFailsNamingItAndTheFix() throws Exception {
        RenderRequest request = fixture.request("java-service", null);
        RenderRequest narrow = request.withJvm(reactor(
                new JvmSettings(Requests.MAIN, List.of(), List.of(), List.of("java.desktop")), List.of("java.base")));
        RenderException e = assertThrows(RenderException.class, () -> renderer.render(narrow));
        assertEquals(
                "The reactor's runtime (<runtime>=reactor) lacks java.desktop, java.sql,"
                        + " which orders needs: the reactor's runtime is computed from the services' sources and"
                        + " third-party jars before they are compiled, and they do not name them. Add them to"
                        + " <additionalModules> of orders (the reactor's runtime includes every service's), e.g."
                        + " -D<additionalModules>=java.desktop,java.sql.",
                e.getMessage());
    }

    private static JvmSettings reactor(JvmSettings jvm, List<String> union) {
        return new JvmSettings(
                jvm.mainClass(),
                jvm.options(),
                jvm.modules(),
                jvm.additionalModules(),
                jvm.locales(),
                jvm.release(),
                jvm.args(),
                union,
                jvm.startupCache(),
                jvm.trainingTimeout(),
                jvm.training());
    }

    @Test
    void rendersTheDebianTemplateExactly() throws Exception {
        RenderResult result = renderer.render(fixture.request("java-service-debian", null));
        assertGolden("java-service-debian.Dockerfile", result.dockerfile());
    }

    @Test
    void rendersTheJreTemplateExactly() throws Exception {
        RenderResult result = renderer.render(fixture.request("java-service-jre", null));
        assertGolden("java-service-jre.Dockerfile", result.dockerfile());
    }

    @Test
    void anEmptyOrCutShortJarIsNamedWithTheWayOut() throws Exception {
        byte[] jar = Files.readAllBytes(fixture.applicationJar());
        for (byte[] broken : List.of(new byte[0], java.util.Arrays.copyOf(jar, jar.length / 2))) {
            Files.write(fixture.applicationJar(), broken);
            UserFixableException failure = assertThrows(
                    UserFixableException.class, () -> renderer.render(fixture.request("java-service", null)));
            assertEquals(
                    "The module's jar " + fixture.applicationJar() + " is not a readable jar ("
                            + (broken.length == 0 ? "zip file is empty" : "zip END header not found")
                            + "): it is empty or was cut short, e.g. by an interrupted build; build it again with mvn"
                            + " clean package",
                    failure.getMessage());
        }
    }

    @Test
    void rendersTheStartupCacheStageAndItsLayer() throws Exception {
        RenderRequest request = fixture.request("java-service", null);
        JvmSettings jvm = request.jvm();
        for (String[] setting : new String[][] {{"cds", "17"}, {"auto", "25"}}) {
            RenderResult result = renderer.render(
                    request.withJvm(cache(jvm, Integer.parseInt(setting[1]), setting[0], JvmSettings.TRAIN_AUTO)));
            assertGolden("java-service-startup-cache-" + setting[0] + ".Dockerfile", result.dockerfile());
        }
    }

    @Test
    void theTrainingRunEndsWhereImageStartupCacheTrainingSays() throws Exception {
        RenderRequest request = fixture.request("java-service", null);
        JvmSettings jvm = request.jvm();
        for (String training : JvmSettings.TRAININGS) {
            String dockerfile = Files.readString(renderer.render(request.withJvm(cache(jvm, 17, "cds", training)))
                    .dockerfile());
            // a service with a health path: asked until it answers, unless told to train until it exits
            String endPoint = training.equals("exit") ? "\"-\"" : "\"http://127.0.0.1:8080/health\"";
            assertTrue(
                    dockerfile.contains("\"--train\", \"90\", " + endPoint + ", \"/tmp/dockyard-startup/app.jsa\""),
                    training + ":\n" + dockerfile);
        }
        // a Spring Boot jar trains to its refresh unless told health, anything else until healthy unless told exit
        JvmSettings plain = new JvmSettings(Requests.MAIN, List.of(), List.of(), List.of());
        assertEquals(false, cache(plain, 17, "cds", "auto").trainsUntilHealthy(true));
        assertEquals(true, cache(plain, 17, "cds", "health").trainsUntilHealthy(true));
        assertEquals(false, cache(plain, 17, "cds", "exit").trainsUntilHealthy(false));
        assertEquals(true, cache(plain, 17, "cds", "auto").trainsUntilHealthy(false));
    }

    /** {@code jvm} with a startup cache for a builder of {@code release}, trained to {@code training}'s end point. */
    private static JvmSettings cache(JvmSettings jvm, int release, String startupCache, String training) {
        return new JvmSettings(
                jvm.mainClass(),
                jvm.options(),
                jvm.modules(),
                jvm.additionalModules(),
                jvm.locales(),
                release,
                jvm.args(),
                jvm.reactorModules(),
                startupCache,
                java.time.Duration.ofSeconds(90),
                training);
    }

    @Test
    void aStartupCacheWithoutAnEndPointIsRefusedNamingTheParameters() throws Exception {
        RenderRequest request = fixture.request("java-service", null).withHealth(null);
        JvmSettings jvm = request.jvm();
        RenderException e = assertThrows(
                RenderException.class,
                () -> renderer.render(request.withJvm(cache(jvm, 17, "cds", JvmSettings.TRAIN_AUTO))));
        assertEquals(
                "<startupCache>=cds needs an end point for its training run: a Spring Boot jar (which stops once its"
                        + " context is refreshed) or <healthPath> (the service is stopped once it answers). Set"
                        + " <healthPath>, <startupCacheTraining>=exit for a service that exits by itself, or"
                        + " <startupCache>=none.",
                e.getMessage());
        RenderException health = assertThrows(
                RenderException.class,
                () -> renderer.render(request.withJvm(cache(jvm, 17, "cds", JvmSettings.TRAIN_HEALTH))));
        assertEquals(
                "<startupCacheTraining>=health trains until <healthPath> answers, and there is none. Set"
                        + " <healthPath>, or <startupCacheTraining>=exit for a service that exits by itself.",
                health.getMessage());
        // told that the service exits by itself, it trains until then
        String dockerfile = Files.readString(
                renderer.render(request.withJvm(cache(jvm, 17, "cds", "exit"))).dockerfile());
        assertTrue(dockerfile.contains("\"--train\", \"90\", \"-\", "), dockerfile);
    }

    @Test
    void stagesOneDirectoryPerLayerAndNothingElse() throws Exception {
        RenderResult result = renderer.render(fixture.request("java-service", null));
        assertEquals(
                List.of(
                        ".dockerignore",
                        "Dockerfile",
                        "layers/application/orders-1.0.jar",
                        "layers/dependencies/lib-2.1.jar",
                        "layers/modules/common-1.0.jar",
                        "layers/snapshot-dependencies/snap-0.1-SNAPSHOT.jar",
                        "probe/dev/dockyard/image/probe/HealthProbe.class"),
                files(result.context()));
        assertEquals(
                List.of("dependencies", "snapshot-dependencies", "modules", "application"),
                result.layers().stream().map(StagedLayer::name).toList());
        assertEquals(
                Files.size(fixture.applicationJar()), result.layers().get(3).bytes());
        assertEquals(
                DockerfileRenderer.DOCKERIGNORE,
                Files.readString(result.context().resolve(".dockerignore"), StandardCharsets.UTF_8));
    }

    @Test
    void aJarWhoseManifestNamesAVerticleStartsWithJavaJarAndTheLayoutLineSaysWhy() throws Exception {
        Path jar = TestJars.write(
                fixture.module().resolve("target/orders-1.0-fat.jar"),
                Map.of("Main-Class", "io.vertx.core.Launcher", "Main-Verticle", "com.acme.orders.MainVerticle"),
                Map.of("com/acme/orders/MainVerticle.class", new byte[] {1}));
        RenderResult alone =
                renderer.render(new Requests.Fixture(fixture.module(), jar, List.of()).request("java-service", null));
        assertEquals(
                "plain class path; started with java -jar because of its manifest's Main-Verticle", alone.staging());
        assertTrue(Files.readString(alone.dockerfile())
                .contains("\"-Xss512k\", \"-jar\", \"/app/app/orders-1.0-fat.jar\"]"));
        // with a dependency beside it, java -jar would not see it: the class path, and the line says nothing of -jar
        RenderResult beside = renderer.render(
                new Requests.Fixture(fixture.module(), jar, fixture.artifacts().subList(0, 1))
                        .request("java-service", null));
        assertEquals("plain class path", beside.staging());
        assertTrue(Files.readString(beside.dockerfile()).contains("\"-cp\", \"/app/app/orders-1.0-fat.jar:"));
    }

    @Test
    void computesTheRuntimeModulesFromTheClassFiles() throws Exception {
        RenderResult result = renderer.render(fixture.request("java-service", null));
        // the application uses java.util.logging, a dependency java.sql; java.sql requires java.logging transitively,
        // so the list is reduced to java.sql
        assertEquals(List.of("java.base", "java.sql"), result.modules());
        assertEquals(result.modules().stream().sorted().toList(), result.modules());
        // why: the first jar and class (the module's own jar first), and the modules those require
        assertEquals(
                List.of(
                        "java.base: always added: every runtime holds it",
                        "java.logging: class reference: orders-1.0.jar, com.acme.orders.Main names"
                                + " java.util.logging.Logger",
                        "java.sql: class reference: lib-2.1.jar, org.lib.Lib names java.sql.Connection",
                        "java.transaction.xa: required by java.sql",
                        "java.xml: required by java.sql"),
                result.moduleReasons());
    }

    @Test
    void givenModulesReplaceTheScanAndAdditionalOnesAreAdded() throws Exception {
        RenderRequest base = fixture.request("java-service", null);
        RenderRequest request =
                withJvm(base, new JvmSettings(Requests.MAIN, List.of(), List.of("java.sql"), List.of("jdk.crypto.ec")));
        RenderResult result = renderer.render(request);
        assertEquals(List.of("java.base", "java.sql", "jdk.crypto.ec"), result.modules());
        assertEquals(
                List.of(
                        "java.base: always added: every runtime holds it",
                        "java.sql: setting: listed in " + CoreException.mention("jlinkModules"),
                        "jdk.crypto.ec: setting: listed in " + CoreException.mention("additionalModules")),
                result.moduleReasons());
    }

    @Test
    void localesAddTheLocaleDataAndLinkOnlyTheirs() throws Exception {
        RenderRequest request = withJvm(
                fixture.request("java-service", null),
                new JvmSettings(Requests.MAIN, List.of(), List.of(), List.of(), List.of("de", "fr-CH"), 17));
        RenderResult result = renderer.render(request);
        assertEquals(List.of("java.base", "java.sql", "jdk.localedata"), result.modules());
        assertTrue(
                Files.readString(result.dockerfile())
                        .contains(
                                "    jlink --add-modules java.base,java.sql,jdk.localedata --include-locales=de,fr-CH \"$strip\""));

        RenderRequest all = withJvm(
                request, new JvmSettings(Requests.MAIN, List.of(), List.of("java.sql"), List.of(), List.of("*"), 17));
        String dockerfile = Files.readString(renderer.render(all).dockerfile());
        assertTrue(
                dockerfile.contains("    jlink --add-modules java.base,java.sql,jdk.localedata \"$strip\""),
                dockerfile);

        RenderException bad = assertThrows(
                RenderException.class,
                () -> renderer.render(withJvm(
                        request,
                        new JvmSettings(
                                Requests.MAIN, List.of(), List.of(), List.of(), List.of("de", "not a tag!"), 17))));
        assertEquals(
                "<locales>: 'not a tag!' is not a language tag: use tags such as en, de-CH or *-IN (as"
                        + " jlink --include-locales takes them), or '*' for every locale",
                bad.getMessage());
    }

    @Test
    void isDeterministicAcrossOutputDirectoriesAndRuns() throws Exception {
        // two renders from scratch (two builds: fresh renderers), into two directories: neither may be up to date,
        // and every file and directory must agree in bytes and modification time
        RenderResult first = renderer.render(fixture.request("java-service", null, root.resolve("a/docker")));
        RenderResult other = new DockerfileRenderer(new TemplateEngines())
                .render(fixture.request("java-service", null, root.resolve("b/docker")));
        assertFalse(first.upToDate());
        assertFalse(other.upToDate());
        Map<String, byte[]> a = contents(first.context());
        Map<String, byte[]> b = contents(other.context());
        assertEquals(a.keySet(), b.keySet());
        for (String name : a.keySet()) {
            assertArrayEquals(a.get(name), b.get(name), name);
            assertEquals(
                    Files.getLastModifiedTime(first.context().resolve(name)),
                    Files.getLastModifiedTime(other.context().resolve(name)),
                    name);
        }
        assertArrayEquals(Files.readAllBytes(first.dockerfile()), Files.readAllBytes(other.dockerfile()));
        RenderResult again = renderer.render(fixture.request("java-service", null, root.resolve("a/docker")));
        assertEquals(a.keySet(), contents(again.context()).keySet());
        FileTime fixed = FileTime.from(Instant.parse("2026-01-01T00:00:00Z"));
        for (String name : a.keySet()) {
            assertEquals(fixed, Files.getLastModifiedTime(first.context().resolve(name)), name);
            assertEquals(fixed, Files.getLastModifiedTime(other.context().resolve(name)), name);
        }
        assertEquals(fixed, Files.getLastModifiedTime(first.context().resolve("layers/dependencies")));
        assertEquals(fixed, Files.getLastModifiedTime(other.context().resolve("layers/dependencies")));
    }

    @Test
    void skipsARenderWhoseInputsDidNotChangeAndRedoesItWhenOneDid() throws Exception {
        RenderRequest request = fixture.request("java-service", null);
        RenderResult first = renderer.render(request);
        assertFalse(first.upToDate());
        RenderResult again = renderer.render(request);
        assertTrue(again.upToDate());
        assertEquals(first.layers(), again.layers());
        assertEquals(first.modules(), again.modules());
        assertEquals(first.template(), again.template());
        // why each module is linked: one line per module of the runtime, kept with the state
        assertEquals(
                "java.base: always added: every runtime holds it",
                first.moduleReasons().get(0));
        assertEquals(first.moduleReasons(), again.moduleReasons());
        // a fresh renderer (a new build) reads the same state from the work directory
        RenderResult nextBuild = new DockerfileRenderer(new TemplateEngines()).render(request);
        assertTrue(nextBuild.upToDate());
        assertEquals(first.moduleReasons(), nextBuild.moduleReasons());

        Path staged = first.context().resolve("layers/dependencies/lib-2.1.jar");
        Files.delete(staged);
        assertFalse(renderer.render(request).upToDate(), "a staged file is missing");
        assertTrue(Files.isRegularFile(staged));

        Path moduleDir = Files.createDirectories(fixture.module().resolve("src/main/docker"));
        Files.writeString(moduleDir.resolve("java-service.ftl"), "FROM [=base.runtime]\n");
        RenderResult overridden = renderer.render(request);
        assertFalse(overridden.upToDate(), "a template appeared");
        assertEquals("FROM scratch\n", Files.readString(overridden.dockerfile()));

        RenderRequest other = request.withBases(request.builderImage(), "debian:trixie-slim");
        RenderResult changed = renderer.render(other);
        assertFalse(changed.upToDate(), "a setting changed");
        assertEquals("FROM debian:trixie-slim\n", Files.readString(changed.dockerfile()));
    }

    @Test
    void removesFilesOfAnEarlierBuildThatAreNoLongerWanted() throws Exception {
        RenderResult result = renderer.render(fixture.request("java-service", null));
        Path stale = result.context().resolve("layers/dependencies/removed-1.0.jar");
        Files.writeString(stale, "old");
        Path unrelated = result.context().resolve("image-id");
        Files.writeString(unrelated, "sha256:abc");
        RenderRequest full = fixture.request("java-service", null);
        RenderRequest fewer = full.with(copy -> {
            copy.health = null;
            copy.builderImage = "jdk:17";
            copy.runtimeImage = "runtime:17";
            copy.artifacts = List.of();
            copy.outputDirectory = result.context();
            copy.workDirectory = result.context().resolveSibling("image-work");
            copy.outputTimestamp = null;
            copy.gitRevision = null;
        });
        RenderResult second = renderer.render(fewer);
        assertFalse(Files.exists(stale));
        assertFalse(Files.exists(result.context().resolve("layers/dependencies")));
        assertTrue(Files.exists(unrelated), "files the stager does not own are left alone");
        assertEquals(
                List.of("application"),
                second.layers().stream().map(StagedLayer::name).toList());
        String dockerfile = Files.readString(second.dockerfile());
        assertTrue(dockerfile.contains("\nHEALTHCHECK NONE\n"), dockerfile);
        assertFalse(dockerfile.contains("org.opencontainers.image.created"), dockerfile);
        assertTrue(dockerfile.contains("FROM jdk:17 AS rootfs"), dockerfile);
    }

    @Test
    void aModuleTemplateOverridesTheSharedOneWhichOverridesTheCatalog() throws Exception {
        Path shared = Files.createDirectories(root.resolve("shared"));
        Files.writeString(shared.resolve("java-service.ftl"), "FROM shared\n");
        RenderResult fromShared = renderer.render(fixture.request("java-service", shared));
        assertEquals("FROM shared\n", Files.readString(fromShared.dockerfile()));
        assertEquals(shared.toAbsolutePath() + "/java-service.ftl", fromShared.template());

        Path moduleDir = Files.createDirectories(fixture.module().resolve("src/main/docker"));
        Files.writeString(moduleDir.resolve("java-service.ftl"), "FROM module [=project.artifactId]\n");
        RenderResult fromModule = renderer.render(fixture.request("java-service", shared));
        assertEquals("FROM module orders\n", Files.readString(fromModule.dockerfile()));
        assertEquals("src/main/docker/java-service.ftl", fromModule.template());

        RenderResult fromCatalog = renderer.render(fixture.request("java-service-jre", shared));
        assertEquals("bundled template java-service-jre.ftl", fromCatalog.template());
    }

    @Test
    void aTemplatePathIsUsedAsIsAndItsIncludesResolveBesideIt() throws Exception {
        Path dir = Files.createDirectories(fixture.module().resolve("docker"));
        Files.writeString(dir.resolve("custom.ftl"), "[#include \"part.ftl\"]\nENV HOME=${HOME} PATH=$PATH:/x\n");
        Files.writeString(dir.resolve("part.ftl"), "FROM [=base.runtime]\n");
        RenderResult result = renderer.render(fixture.request("docker/custom.ftl", null));
        assertEquals(
                "FROM debian:bookworm-slim\nENV HOME=${HOME} PATH=$PATH:/x\n", Files.readString(result.dockerfile()));
    }

    @Test
    void aMissingVariableNamesTheFileLineColumnAndName() throws Exception {
        RenderException e = failWithModuleTemplate("FROM x\nUSER [=image.owner]\n");
        assertEquals(
                "src/main/docker/java-service.ftl:2:8: 'image.owner' is not defined in the data model."
                        + " Use a name listed in the templates README, or give a default for an optional value:"
                        + " [=image.owner!\"\"] or [#if image.owner??]…[/#if].",
                e.getMessage());
    }

    @Test
    void anUndefinedMacroNamesTheFileLineColumnAndName() throws Exception {
        RenderException e = failWithModuleTemplate("FROM x\n\n  [@healthcheck /]\n");
        assertTrue(
                e.getMessage().startsWith("src/main/docker/java-service.ftl:3:5: 'healthcheck' is not defined"),
                e.getMessage());
    }

    @Test
    void aSyntaxErrorNamesTheFileLineAndColumn() throws Exception {
        RenderException e = failWithModuleTemplate("FROM x\n[#if image.user]\nUSER 1\n");
        assertTrue(
                e.getMessage()
                        .startsWith(
                                "src/main/docker/java-service.ftl:3:7: syntax error: Unexpected end of file reached. You have an unclosed #if."),
                e.getMessage());
        assertTrue(e.getMessage().contains(": syntax error: "), e.getMessage());
        assertFalse(e.getMessage().contains("\tat "), "no stack trace in the message");
    }

    @Test
    void anUnknownTemplateListsWhereItLookedAndTheCatalog() {
        RenderException e =
                assertThrows(RenderException.class, () -> renderer.render(fixture.request("python-service", null)));
        assertEquals(
                "Template 'python-service.ftl' not found. Looked in the bundled catalog. Set <template> to"
                        + " a catalog name (java-service, java-service-debian, java-service-jre) or to the path of a .ftl file.",
                e.getMessage());
    }

    @Test
    void aMissingTemplateFileIsNamed() {
        RenderException e =
                assertThrows(RenderException.class, () -> renderer.render(fixture.request("docker/nope.ftl", null)));
        assertTrue(e.getMessage().startsWith("<template> 'docker/nope.ftl': no such file "), e.getMessage());
    }

    @Test
    void invalidSettingsAreAllListedBeforeAnythingIsWritten() {
        RenderRequest base = fixture.request("java-service", null);
        RenderRequest bad = base.with(copy -> {
            copy.image = new ImageSettings(
                    "Shop/Orders", List.of("1.0"), "0:0", "app", List.of(70000), List.of(), Map.of(), Map.of());
            copy.health = new HealthSettings("health", 8080, "ten", "3s", 0, "20s");
            copy.outputTimestamp = null;
            copy.gitRevision = null;
        });
        RenderException e = assertThrows(RenderException.class, () -> renderer.render(bad));
        String message = e.getMessage();
        assertTrue(
                message.startsWith("Invalid image settings:\n  - <imageName> 'Shop/Orders' is not a valid image name"),
                message);
        for (String expected : List.of(
                "<user> '0:0' runs the service as root: use a non-root uid:gid such as 65532:65532",
                "<workdir> 'app' must be an absolute, normalized path (no '.' or '..' part, no trailing '/') of"
                        + " letters, digits, '.', '_', '-', '@' and '+', e.g. /app",
                "<port> '70000' is not a TCP port (1-65535)",
                "<healthPath> 'health' must be a URL path starting with '/'",
                "<healthCheckInterval> 'ten' is not a duration such as 30s, 1m30s or 500ms",
                "<healthCheckRetries> '0' must be 1 or more")) {
            assertTrue(message.contains(expected), () -> "missing <" + expected + "> in\n" + message);
        }
        assertFalse(Files.exists(base.outputDirectory()));
    }

    @Test
    void aTemplateCannotRunAProgram() throws IOException {
        Path marker = root.resolve("ran");
        RenderException e = failWithModuleTemplate("[#assign run = \"freemarker.template.utility.Execute\"?new()]\n"
                + "FROM x\nRUN [=run(\"touch " + marker + "\")]\n");
        assertTrue(e.getMessage().startsWith("src/main/docker/java-service.ftl:1:"), e.getMessage());
        assertTrue(e.getMessage().contains("freemarker.template.utility.Execute"), e.getMessage());
        assertFalse(Files.exists(marker), "the command ran");
    }

    @Test
    void aTemplateCannotReachJavaObjectsThroughApi() throws IOException {
        RenderException e = failWithModuleTemplate("FROM x\nLABEL a=[=image.labels?api.getClass()]\n");
        assertTrue(e.getMessage().startsWith("src/main/docker/java-service.ftl:2:"), e.getMessage());
    }

    @Test
    void aTemplateThatRecursesWithoutEndFailsWithOneMessage() throws IOException {
        RenderException e = failWithModuleTemplate("[#macro loop][@loop/][/#macro]FROM x\n[@loop/]\n");
        assertEquals(
                "src/main/docker/java-service.ftl: the template recursed without end (a macro, function or #include"
                        + " that calls itself with no way out): give the recursion an end.",
                e.getMessage());
    }

    @Test
    void aTemplateThatWritesWithoutEndIsStopped() throws IOException {
        RenderException e = failWithModuleTemplate("FROM x\n[#list 1..100000000 as i]RUN echo [=i]\n[/#list]");
        assertTrue(e.getMessage().startsWith("src/main/docker/java-service.ftl"), e.getMessage());
        assertTrue(e.getMessage().contains("would be longer than 1048576 characters"), e.getMessage());
    }

    private RenderException failWithModuleTemplate(String template) throws IOException {
        Path moduleDir = Files.createDirectories(fixture.module().resolve("src/main/docker"));
        Files.writeString(moduleDir.resolve("java-service.ftl"), template);
        return assertThrows(RenderException.class, () -> renderer.render(fixture.request("java-service", null)));
    }

    private static RenderRequest withJvm(RenderRequest r, JvmSettings jvm) {
        return r.withJvm(jvm);
    }

    /** Compares with src/test/resources/golden/NAME; {@code -Dgolden.update=true} rewrites it from the output. */
    private static void assertGolden(String name, Path actual) throws IOException {
        if (Boolean.getBoolean("golden.update")) {
            Files.copy(
                    actual,
                    Path.of("src/test/resources/golden", name),
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        String expected;
        try (var in = DockerfileRendererTest.class.getResourceAsStream("/golden/" + name)) {
            expected = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertEquals(expected, Files.readString(actual, StandardCharsets.UTF_8));
    }

    static List<String> files(Path dir) throws IOException {
        try (var walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile)
                    .map(p -> dir.relativize(p).toString().replace('\\', '/'))
                    .sorted()
                    .toList();
        }
    }

    private static Map<String, byte[]> contents(Path dir) throws IOException {
        Map<String, byte[]> map = new TreeMap<>();
        for (String name : files(dir)) {
            map.put(name, Files.readAllBytes(dir.resolve(name)));
        }
        return map;
    }
}
