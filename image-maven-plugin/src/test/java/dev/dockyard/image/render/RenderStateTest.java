package dev.dockyard.image.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dockyard.image.stage.ArtifactInput;
import dev.dockyard.image.stage.Layer;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The up-to-date check sees every input: each field of the request (and of the records it holds), each jar's size
 * and time.
 */
class RenderStateTest {

    /** Not an input: the state file lives there, so another work directory has no state to match. */
    private static final Set<String> NOT_INPUTS = Set.of("workDirectory");

    private static final Set<Class<?>> NESTED = Set.of(
            ProjectInfo.class, ImageSettings.class, HealthSettings.class, JvmSettings.class, TemplateSource.class);

    @TempDir
    Path root;

    private Requests.Fixture fixture;
    private final RenderState state = new RenderState();

    @BeforeEach
    void setUp() throws Exception {
        fixture = Requests.fixture(root);
    }

    @Test
    void everyFieldOfTheRequestAndOfItsRecordsChangesTheFingerprint() throws Exception {
        RenderRequest request = fixture.request("java-service", null);
        String base = state.fingerprint(request, List.of());
        int checked = 0;
        for (RecordComponent component : RenderRequest.class.getRecordComponents()) {
            Object value = component.getAccessor().invoke(request);
            if (NOT_INPUTS.contains(component.getName())) {
                continue;
            }
            if (value != null && NESTED.contains(value.getClass())) {
                for (RecordComponent inner : value.getClass().getRecordComponents()) {
                    Object changed = with(value, inner);
                    String print = state.fingerprint(with(request, component, changed), List.of());
                    assertNotEquals(base, print, component.getName() + "." + inner.getName() + " is not an input");
                    checked++;
                }
            } else {
                String print =
                        state.fingerprint(with(request, component, vary(value, component.getGenericType())), List.of());
                assertNotEquals(base, print, component.getName() + " is not an input");
                checked++;
            }
        }
        assertTrue(checked > 40, "checked " + checked + " fields");
        RenderRequest noHealth = with(request, RenderRequest.class.getRecordComponents()[2], null);
        assertNotEquals(base, state.fingerprint(noHealth, List.of()), "turning the health check off");
    }

    @Test
    void aJarWithAnotherTimeOrSizeIsRenderedAgain() throws Exception {
        DockerfileRenderer renderer = new DockerfileRenderer(new TemplateEngines());
        RenderRequest request = fixture.request("java-service", null);
        assertFalse(renderer.render(request).upToDate());
        assertTrue(renderer.render(request).upToDate());

        Path library = fixture.artifacts().get(0).file();
        FileTime time = Files.getLastModifiedTime(library);
        Files.setLastModifiedTime(library, FileTime.fromMillis(time.toMillis() + 2000));
        assertFalse(renderer.render(request).upToDate(), "a dependency was rebuilt (same size, new time)");
        assertTrue(renderer.render(request).upToDate());

        Path jar = fixture.applicationJar();
        FileTime jarTime = Files.getLastModifiedTime(jar);
        Files.write(jar, new byte[] {0}, java.nio.file.StandardOpenOption.APPEND);
        Files.setLastModifiedTime(jar, jarTime);
        assertFalse(renderer.render(request).upToDate(), "the application jar changed size (same time)");
    }

    @Test
    void anAttachedJarWithDependenciesAppearingOrGoingIsRenderedAgain() throws Exception {
        DockerfileRenderer renderer = new DockerfileRenderer(new TemplateEngines());
        RenderRequest request = fixture.request("java-service", null);
        assertEquals("plain class path", renderer.render(request).staging());
        Path attached = TestJars.jar(root.resolve("orders/target/orders-1.0-jar-with-dependencies.jar"), null);
        RenderResult withAssembly = renderer.render(request);
        assertFalse(withAssembly.upToDate(), "the layout line names the attached jar now");
        assertTrue(withAssembly.staging().contains("orders-1.0-jar-with-dependencies.jar"), withAssembly.staging());
        assertTrue(renderer.render(request).upToDate());
        Files.delete(attached);
        assertEquals("plain class path", renderer.render(request).staging());
    }

    @Test
    void aTemplateFileThatChangesIsRenderedAgain() throws Exception {
        Path shared = Files.createDirectories(root.resolve("shared"));
        Path template = Files.writeString(shared.resolve("java-service.ftl"), "FROM a\n");
        DockerfileRenderer renderer = new DockerfileRenderer(new TemplateEngines());
        RenderRequest request = fixture.request("java-service", shared);
        assertFalse(renderer.render(request).upToDate());
        assertTrue(renderer.render(request).upToDate());
        Files.writeString(template, "FROM bb\n");
        RenderResult again = renderer.render(request);
        assertFalse(again.upToDate(), "the shared template changed");
        assertTrue(Files.readString(again.dockerfile()).startsWith("FROM bb"));
    }

    private static RenderRequest with(RenderRequest request, RecordComponent component, Object value) throws Exception {
        return (RenderRequest) copy(request, component, value);
    }

    private Object with(Object record, RecordComponent component) throws Exception {
        return copy(record, component, vary(component.getAccessor().invoke(record), component.getGenericType()));
    }

    private static Object copy(Object record, RecordComponent changed, Object value) throws Exception {
        RecordComponent[] components = record.getClass().getRecordComponents();
        Class<?>[] types = new Class<?>[components.length];
        Object[] values = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
            values[i] = components[i].getName().equals(changed.getName())
                    ? value
                    : components[i].getAccessor().invoke(record);
        }
        var constructor = record.getClass().getDeclaredConstructor(types);
        constructor.setAccessible(true);
        return constructor.newInstance(values);
    }

    /** Another value of the same type: a string or number changed, an element added, a file with other content. */
    private Object vary(Object value, Type type) throws Exception {
        if (value instanceof String s) {
            return s + "x";
        }
        if (value == null) {
            return type == Path.class ? root.resolve("unset-before") : "x";
        }
        if (value instanceof Integer i) {
            return i + 1;
        }
        if (value instanceof Instant t) {
            return t.plusSeconds(1);
        }
        if (value instanceof java.time.Duration d) {
            return d.plusSeconds(1);
        }
        if (value instanceof Path p) {
            if (Files.isRegularFile(p)) {
                return Files.copy(p, root.resolve("other-" + p.getFileName()));
            }
            return p.resolveSibling(p.getFileName() + "-other");
        }
        if (value instanceof Map<?, ?> map) {
            Map<Object, Object> more = new LinkedHashMap<>(map);
            more.put("added", "value");
            return more;
        }
        if (value instanceof List<?> list) {
            Type element = ((ParameterizedType) type).getActualTypeArguments()[0];
            List<Object> more = new ArrayList<>(list);
            if (element == Integer.class) {
                more.add(4242);
            } else if (element == ArtifactInput.class) {
                more.add(new ArtifactInput(
                        TestJars.jar(root.resolve("repo/extra-1.0.jar"), null), Layer.DEPENDENCIES, "org.extra"));
            } else {
                more.add("added");
            }
            return more;
        }
        throw new AssertionError("no variant for " + value.getClass());
    }
}
