package dev.dockyard.image.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dockyard.image.dockerfile.Dockerfile;
import dev.dockyard.image.dockerfile.DockerfileParser;
import dev.dockyard.image.dockerfile.Instruction;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every catalog template, rendered with a hostile value in every field that reaches the Dockerfile: the value is
 * refused with a message naming the parameter, or it is written quoted, so that the parsed Dockerfile has exactly
 * the instructions of the harmless render, runs as the same user, and no value ran in a shell.
 */
class HostileValuesTest {

    private static final String INJECTED = "USER 0:0";

    @TempDir
    Path root;

    private Requests.Fixture fixture;
    private final DockerfileRenderer renderer = new DockerfileRenderer(new TemplateEngines());

    @BeforeEach
    void setUp() throws IOException {
        fixture = Requests.fixture(root);
    }

    /** Values no template may take: each is refused, naming the parameter, before anything is written. */
    private static Map<String, UnaryOperator<RenderRequest>> refused() {
        Map<String, UnaryOperator<RenderRequest>> cases = new LinkedHashMap<>();
        cases.put("<workdir> '/app\\nUSER 0:0'", r -> image(r, "/app\n" + INJECTED, List.of("/data")));
        cases.put("<workdir> '/app;touch /x'", r -> image(r, "/app;touch /x", List.of("/data")));
        cases.put("<workdir> '/srv/../etc'", r -> image(r, "/srv/../etc", List.of("/data")));
        cases.put("<workdir> '/app/'", r -> image(r, "/app/", List.of("/data")));
        cases.put(
                "<volumes>: '/data;touch${IFS}/rootfs/x'",
                r -> image(r, "/app", List.of("/data;touch${IFS}/rootfs/x")));
        cases.put("<volumes>: '/data/../../etc'", r -> image(r, "/app", List.of("/data/../../etc")));
        cases.put("<volumes>: '/my data'", r -> image(r, "/app", List.of("/my data")));
        cases.put("<volumes>: '/data'x'", r -> image(r, "/app", List.of("/data'x")));
        cases.put("<volumes>: '/etc' is a system directory", r -> image(r, "/app", List.of("/etc")));
        cases.put(
                "<volumes>: '/usr/local/data' is a system directory",
                r -> image(r, "/app", List.of("/usr/local/data")));
        cases.put(
                "env: the value of TZ holds a control character (UTC\\nUSER 0:0)",
                r -> env(r, Map.of("TZ", "UTC\n" + INJECTED)));
        cases.put("env: 'A B' is not a valid environment variable name", r -> env(r, Map.of("A B", "x")));
        cases.put("labels: 'a\\nUSER 0:0' is not a label name", r -> labels(r, Map.of("a\n" + INJECTED, "x")));
        cases.put("labels: 'a b' is not a label name", r -> labels(r, Map.of("a b", "x")));
        cases.put("<healthPath> '/health\\nUSER 0:0'", r -> health(r, "/health\n" + INJECTED));
        cases.put("<healthPath> '/health' ; id'", r -> health(r, "/health' ; id"));
        cases.put(
                "<jvmOptions>: '-Dx=1\\nUSER 0:0' holds a control character",
                r -> jvm(r, "com.acme.orders.Main", List.of("-Dx=1\n" + INJECTED)));
        cases.put("<mainClass> 'Main\\nUSER 0:0'", r -> jvm(r, "Main\n" + INJECTED, List.of()));
        cases.put(
                "<builderImage> 'eclipse-temurin:17-jdk\\nUSER 0:0'",
                r -> bases(r, "eclipse-temurin:17-jdk\n" + INJECTED, r.runtimeImage()));
        cases.put("<runtimeImage> 'scratch;id'", r -> bases(r, r.builderImage(), "scratch;id"));
        return cases;
    }

    @ParameterizedTest
    @ValueSource(strings = {"java-service", "java-service-debian", "java-service-jre"})
    void hostileValuesAreRefusedNamingTheParameter(String template) {
        for (Map.Entry<String, UnaryOperator<RenderRequest>> hostile : refused().entrySet()) {
            RenderRequest request = hostile.getValue().apply(fixture.request(template, null));
            RenderException e = assertThrows(RenderException.class, () -> renderer.render(request), hostile.getKey());
            String shown = e.getMessage().replace("\n", "\\n");
            assertTrue(shown.contains(hostile.getKey()), () -> "<" + hostile.getKey() + "> not in: " + shown);
            assertTrue(!e.getMessage().contains("\n" + INJECTED), "the message shows the value on one line");
            assertTrue(!Files.exists(request.outputDirectory().resolve("Dockerfile")), "nothing written");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"java-service", "java-service-debian", "java-service-jre"})
    void hostileTextIsQuotedWhereItGoes(String template) throws Exception {
        List<String> harmless = keywords(render(fixture.request(template, null)));
        String hostile = "$(touch /x) `id` \"'; " + INJECTED + " \\";
        RenderRequest request = fixture.request(template, null);
        request = env(request, Map.of("TZ", hostile));
        request = labels(request, Map.of("com.acme.note", hostile));
        request = jvm(request, "com.acme.orders.Main", List.of("-Dnote=" + hostile));
        request = health(request, "/health?a=$(id)&b=;x");
        Dockerfile dockerfile = render(request);

        assertEquals(harmless, keywords(dockerfile), "the same instructions, no more");
        Instruction user = last(dockerfile, "USER");
        assertEquals("65532:65532", user.arguments().strip());
        Instruction env = last(dockerfile, "ENV");
        assertEquals(
                "TZ=\"\\$(touch /x) `id` \\\"'; USER 0:0 \\\\\"",
                env.arguments().strip());
        Instruction label = last(dockerfile, "LABEL");
        assertTrue(
                label.arguments().contains("com.acme.note=\"\\$(touch /x) `id` \\\"'; USER 0:0 \\\\\""),
                label.arguments());
        Instruction entrypoint = last(dockerfile, "ENTRYPOINT");
        assertTrue(entrypoint.isExecForm());
        assertTrue(entrypoint.json().contains("-Dnote=" + hostile), entrypoint.json()::toString);
        Instruction health = last(dockerfile, "HEALTHCHECK");
        assertTrue(health.arguments().contains("/health?a=$(id)&b=;x\"]"), health.arguments());
    }

    @ParameterizedTest
    @ValueSource(strings = {"java-service", "java-service-debian", "java-service-jre"})
    void volumesReachTheShellSingleQuoted(String template) throws Exception {
        Dockerfile dockerfile =
                render(image(fixture.request(template, null), "/srv/app", List.of("/data", "/var/log/x")));
        List<String> runs = dockerfile.instructions().stream()
                .filter(i -> i.is("RUN"))
                .map(Instruction::arguments)
                .toList();
        String prefix =
                template.equals("java-service") ? "/volumes" : template.equals("java-service-debian") ? "/rootfs" : "";
        assertTrue(
                runs.stream().anyMatch(r -> r.contains("'" + prefix + "/data' '" + prefix + "/var/log/x'")),
                runs::toString);
        assertEquals("/srv/app", last(dockerfile, "WORKDIR").arguments().strip());
    }

    private Dockerfile render(RenderRequest request) throws Exception {
        RenderResult result = renderer.render(request);
        return DockerfileParser.parse("Dockerfile", Files.readString(result.dockerfile(), StandardCharsets.UTF_8));
    }

    private static List<String> keywords(Dockerfile dockerfile) {
        List<String> keywords = new ArrayList<>();
        for (Instruction instruction : dockerfile.instructions()) {
            keywords.add(instruction.keyword());
        }
        return keywords;
    }

    private static Instruction last(Dockerfile dockerfile, String keyword) {
        List<Instruction> found =
                dockerfile.instructions().stream().filter(i -> i.is(keyword)).toList();
        return found.get(found.size() - 1);
    }

    private static RenderRequest image(RenderRequest r, String workdir, List<String> volumes) {
        ImageSettings i = r.image();
        return r.withImage(
                new ImageSettings(i.name(), i.tags(), i.user(), workdir, i.ports(), volumes, i.env(), i.labels()));
    }

    private static RenderRequest env(RenderRequest r, Map<String, String> env) {
        ImageSettings i = r.image();
        return r.withImage(
                new ImageSettings(i.name(), i.tags(), i.user(), i.workdir(), i.ports(), i.volumes(), env, i.labels()));
    }

    private static RenderRequest labels(RenderRequest r, Map<String, String> labels) {
        ImageSettings i = r.image();
        return r.withImage(
                new ImageSettings(i.name(), i.tags(), i.user(), i.workdir(), i.ports(), i.volumes(), i.env(), labels));
    }

    private static RenderRequest health(RenderRequest r, String path) {
        HealthSettings h = r.health();
        return r.withHealth(
                new HealthSettings(path, h.port(), h.interval(), h.timeout(), h.retries(), h.startPeriod()));
    }

    private static RenderRequest jvm(RenderRequest r, String mainClass, List<String> options) {
        JvmSettings j = r.jvm();
        return r.withJvm(
                new JvmSettings(mainClass, options, j.modules(), j.additionalModules(), j.locales(), j.release()));
    }

    private static RenderRequest bases(RenderRequest r, String builder, String runtime) {
        return r.withBases(builder, runtime);
    }
}
