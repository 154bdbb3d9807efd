package dev.dockyard.image.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dockyard.image.stage.ArtifactInput;
import dev.dockyard.image.stage.Layer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.artifact.DefaultArtifact;
import org.apache.maven.artifact.handler.DefaultArtifactHandler;
import org.apache.maven.execution.DefaultMavenExecutionRequest;
import org.apache.maven.execution.DefaultMavenExecutionResult;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.project.MavenProject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Maven model turned into the core's inputs, on real MavenProject and DefaultArtifact objects. */
class MavenProjectAdapterTest {

    @TempDir
    Path root;

    private static final Set<String> REACTOR = Set.of("com.example:shop-api:1.0-SNAPSHOT", "com.example:model:2.0");

    private static DefaultArtifact artifact(
            String groupId, String artifactId, String version, String scope, String type) {
        DefaultArtifactHandler handler = new DefaultArtifactHandler(type);
        handler.setAddedToClasspath(!type.equals("pom"));
        return new DefaultArtifact(groupId, artifactId, version, scope, type, null, handler);
    }

    private static DefaultArtifact jar(String groupId, String artifactId, String version) {
        return artifact(groupId, artifactId, version, Artifact.SCOPE_COMPILE, "jar");
    }

    @Test
    void classifiesReleasesSnapshotsAndReactorModules() {
        assertEquals(
                Layer.DEPENDENCIES, MavenProjectAdapter.classify(jar("org.slf4j", "slf4j-api", "2.0.16"), REACTOR));
        assertEquals(
                Layer.SNAPSHOT_DEPENDENCIES,
                MavenProjectAdapter.classify(jar("org.acme", "tools", "3.1-SNAPSHOT"), REACTOR));
        assertEquals(
                Layer.SNAPSHOT_DEPENDENCIES,
                MavenProjectAdapter.classify(jar("org.acme", "tools", "3.1-20260101.120000-7"), REACTOR),
                "a timestamped snapshot from a repository is a snapshot");
        assertEquals(
                Layer.MODULES, MavenProjectAdapter.classify(jar("com.example", "shop-api", "1.0-SNAPSHOT"), REACTOR));
        assertEquals(
                Layer.MODULES,
                MavenProjectAdapter.classify(jar("com.example", "shop-api", "1.0-20260101.120000-1"), REACTOR),
                "a module of the reactor, resolved as a timestamped snapshot, is still the module");
        assertEquals(
                Layer.MODULES,
                MavenProjectAdapter.classify(jar("com.example", "model", "2.0"), REACTOR),
                "a released module of the reactor");
        assertEquals(
                Layer.DEPENDENCIES,
                MavenProjectAdapter.classify(jar("com.example", "model", "1.9"), REACTOR),
                "another version of a module is not the module");
    }

    @Test
    void theRuntimeClassPathIsCompileAndRuntimeScopeOfClassPathTypes() {
        assertTrue(MavenProjectAdapter.onRuntimeClassPath(jar("a", "b", "1")));
        assertTrue(MavenProjectAdapter.onRuntimeClassPath(artifact("a", "b", "1", Artifact.SCOPE_RUNTIME, "jar")));
        assertFalse(MavenProjectAdapter.onRuntimeClassPath(artifact("a", "b", "1", Artifact.SCOPE_TEST, "jar")));
        assertFalse(MavenProjectAdapter.onRuntimeClassPath(artifact("a", "b", "1", Artifact.SCOPE_PROVIDED, "jar")));
        assertFalse(MavenProjectAdapter.onRuntimeClassPath(artifact("a", "b", "1", Artifact.SCOPE_SYSTEM, "jar")));
        assertFalse(MavenProjectAdapter.onRuntimeClassPath(artifact("a", "b", "1", Artifact.SCOPE_COMPILE, "pom")));
    }

    private MavenProject project(String artifactId, String version) {
        MavenProject project = new MavenProject();
        project.setGroupId("com.example");
        project.setArtifactId(artifactId);
        project.setVersion(version);
        project.setFile(root.resolve(artifactId).resolve("pom.xml").toFile());
        project.getBuild()
                .setDirectory(root.resolve(artifactId).resolve("target").toString());
        project.setArtifact(jar("com.example", artifactId, version));
        return project;
    }

    @SuppressWarnings("deprecation")
    private static MavenSession session(MavenProject... projects) {
        return new MavenSession(
                null, new DefaultMavenExecutionRequest(), new DefaultMavenExecutionResult(), List.of(projects));
    }

    private Path file(String name) throws IOException {
        return Files.writeString(Files.createDirectories(root.resolve("repo")).resolve(name), name);
    }

    @Test
    void runtimeArtifactsInClassPathOrderEachInItsLayer() throws Exception {
        MavenProject app = project("shop-app", "1.0-SNAPSHOT");
        MavenProject api = project("shop-api", "1.0-SNAPSHOT");
        Set<Artifact> artifacts = new LinkedHashSet<>();
        DefaultArtifact slf4j = jar("org.slf4j", "slf4j-api", "2.0.16");
        slf4j.setFile(file("slf4j-api.jar").toFile());
        DefaultArtifact module = jar("com.example", "shop-api", "1.0-SNAPSHOT");
        module.setFile(file("shop-api.jar").toFile());
        DefaultArtifact tools = jar("org.acme", "tools", "3.1-SNAPSHOT");
        tools.setFile(file("tools.jar").toFile());
        DefaultArtifact junit = artifact("org.junit", "junit", "5", Artifact.SCOPE_TEST, "jar");
        junit.setFile(file("junit.jar").toFile());
        artifacts.add(slf4j);
        artifacts.add(module);
        artifacts.add(junit);
        artifacts.add(tools);
        app.setArtifacts(artifacts);

        List<ArtifactInput> inputs = new MavenProjectAdapter(app, session(app, api)).runtimeArtifacts();
        assertEquals(
                List.of(
                        new ArtifactInput(slf4j.getFile().toPath(), Layer.DEPENDENCIES, "org.slf4j"),
                        new ArtifactInput(module.getFile().toPath(), Layer.MODULES, "com.example"),
                        new ArtifactInput(tools.getFile().toPath(), Layer.SNAPSHOT_DEPENDENCIES, "org.acme")),
                inputs);
    }

    @Test
    void aModuleNotPackagedYetIsNamed() {
        MavenProject app = project("shop-app", "1.0-SNAPSHOT");
        MavenProject api = project("shop-api", "1.0-SNAPSHOT");
        DefaultArtifact module = jar("com.example", "shop-api", "1.0-SNAPSHOT");
        module.setFile(root.resolve("shop-api/target/classes").toFile());
        app.setArtifacts(Set.of(module));
        MojoFailureException e = assertThrows(
                MojoFailureException.class, () -> new MavenProjectAdapter(app, session(app, api)).runtimeArtifacts());
        assertEquals(
                "Dependency com.example:shop-api:jar:1.0-SNAPSHOT resolves to " + module.getFile()
                        + ", not a jar: build the reactor to the package phase (mvn package) so that modules are packaged"
                        + " before their images are rendered.",
                e.getMessage());
    }

    @Test
    void theApplicationIsTheModulesJarOrTheQuarkusRunner() throws Exception {
        MavenProject app = project("shop-app", "1.0");
        MavenProjectAdapter adapter = new MavenProjectAdapter(app, session(app));
        MojoFailureException e = assertThrows(MojoFailureException.class, adapter::applicationJar);
        assertEquals(
                "The jar of shop-app is not built yet: run image:dockerfile in the package phase or later"
                        + " (mvn package), after the jar plugin.",
                e.getMessage());

        Path quarkus = Files.createDirectories(root.resolve("shop-app/target/quarkus-app"))
                .resolve("quarkus-run.jar");
        Files.writeString(quarkus, "jar");
        assertEquals(quarkus, adapter.applicationJar());

        Path jar = Files.writeString(root.resolve("shop-app/target/shop-app-1.0.jar"), "jar");
        app.getArtifact().setFile(jar.toFile());
        assertEquals(jar, adapter.applicationJar());
    }

    private Optional<Instant> timestamp(String value) throws MojoFailureException {
        MavenProject project = project("shop-app", "1.0");
        if (value != null) {
            project.getProperties().setProperty("project.build.outputTimestamp", value);
        }
        return new MavenProjectAdapter(project, session(project)).outputTimestamp();
    }

    @Test
    void theOutputTimestampIsReadAsTheJarPluginReadsIt() throws Exception {
        assertEquals(Optional.of(Instant.parse("2026-01-01T00:00:00Z")), timestamp("2026-01-01T00:00:00Z"));
        assertEquals(Optional.of(Instant.parse("2025-12-31T22:00:00Z")), timestamp("2026-01-01T00:00:00+02:00"));
        assertEquals(Optional.of(Instant.ofEpochSecond(1700000000)), timestamp("1700000000"));
        assertEquals(Optional.empty(), timestamp(null));
        assertEquals(Optional.empty(), timestamp("a"), "shorter than two characters: not set");
    }

    @Test
    void aBadOutputTimestampNamesThePropertyAndTheValue() {
        assertEquals(
                "project.build.outputTimestamp 'yesterday' is neither an ISO-8601 date-time with offset"
                        + " (2026-01-01T00:00:00Z) nor seconds since the epoch: fix the property in the POM.",
                assertThrows(MojoFailureException.class, () -> timestamp("yesterday"))
                        .getMessage());
        assertEquals(
                "project.build.outputTimestamp: '1970-01-01T00:00:00Z' is not within the valid range"
                        + " 1980-01-01T00:00:02Z to 2099-12-31T23:59:59Z: fix the property in the POM.",
                assertThrows(MojoFailureException.class, () -> timestamp("1970-01-01T00:00:00Z"))
                        .getMessage());
    }
}
