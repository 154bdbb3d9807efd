package dev.dockyard.image.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.dockyard.image.policy.LintSettings;
import dev.dockyard.image.policy.Linter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What the catalog templates render passes every lint rule at its default severity. */
class RenderedDockerfileLintTest {

    @TempDir
    Path root;

    private Requests.Fixture fixture;

    @BeforeEach
    void setUp() throws IOException {
        fixture = Requests.fixture(root);
    }

    @ParameterizedTest
    @ValueSource(strings = {"java-service", "java-service-debian", "java-service-jre"})
    void renderedTemplateHasNoFindings(String template) throws Exception {
        assertNoFindings(fixture.request(template, null));
    }

    @ParameterizedTest
    @ValueSource(strings = {"java-service", "java-service-debian", "java-service-jre"})
    void renderedTemplateWithoutHealthCheckHasNoFindings(String template) throws Exception {
        RenderRequest r = fixture.request(template, null);
        assertNoFindings(r.withHealth(null));
    }

    private static void assertNoFindings(RenderRequest request) throws Exception {
        Path dockerfile =
                new DockerfileRenderer(new TemplateEngines()).render(request).dockerfile();
        String text = Files.readString(dockerfile, StandardCharsets.UTF_8);
        assertEquals(
                List.of(),
                new Linter(LintSettings.defaults())
                        .lint("target/docker/Dockerfile", text)
                        .consoleLines(),
                text);
    }
}
