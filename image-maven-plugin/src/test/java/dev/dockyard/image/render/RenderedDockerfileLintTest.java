package dev.dockyard.image.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

import dev.dockyard.image.policy.LintSettings;
import dev.dockyard.image.policy.Linter;

/** What the catalog templates render passes every lint rule at its default severity. */
class RenderedDockerfileLintTest {

    private static final String BUILDER = "eclipse-temurin:17-jdk@sha256:"
            + "5a8b6c1d2e3f40516273849a0b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f7a8b9c";
    private static final String RUNTIME = "debian:bookworm-slim@sha256:"
            + "0f1e2d3c4b5a69788796a5b4c3d2e1f00112233445566778899aabbccddeeff0";

    @TempDir
    Path root;

    private Requests.Fixture fixture;

    @BeforeEach
    void setUp() throws IOException {
        fixture = Requests.fixture(root);
    }

    @ParameterizedTest
    @ValueSource(strings = {"java-service", "java-service-jre"})
    void renderedTemplateHasNoFindings(String template) throws Exception {
        RenderRequest r = fixture.request(template, null);
        RenderRequest pinned = new RenderRequest(r.project(), r.image(), r.health(), r.jvm(), BUILDER, RUNTIME,
                r.template(), r.applicationJar(), r.artifacts(), r.outputDirectory(), r.workDirectory(),
                r.outputTimestamp(), r.gitRevision(), r.dockyardVersion());
        Path dockerfile = new DockerfileRenderer(new TemplateEngines()).render(pinned).dockerfile();
        String text = Files.readString(dockerfile, StandardCharsets.UTF_8);
        assertEquals(List.of(), new Linter(LintSettings.defaults()).lint("target/docker/Dockerfile", text)
                .consoleLines(), text);
    }
}
