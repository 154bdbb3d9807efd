package dev.dockyard.image.modules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dockyard.image.render.TestJars;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.spi.ToolProvider;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The scan finds the same modules as {@code jdeps --print-module-deps}, or more (the rules' additions), except those
 * only annotations need (jdeps counts an annotation's type; the JVM ignores an annotation whose type is absent), on
 * built jars
 * and on real ones from the test class path: a modular jar with an optional requirement jdeps cannot resolve
 * (jakarta.transaction-api, given to jdeps without its module-info), multi-release jars (jackson-core, bcprov), a
 * signed jar (bcprov), and ASM.
 */
class JdepsComparisonTest {

    private static final int RELEASE = Runtime.version().feature();

    @TempDir
    static Path root;

    static Stream<String> jars() {
        return Stream.of("built", "jakarta.transaction-api", "jackson-core", "bcprov-jdk18on", "asm-9");
    }

    @ParameterizedTest
    @MethodSource("jars")
    void findsEveryModuleJdepsFinds(String name) throws Exception {
        Path jar = "built".equals(name) ? built() : onClassPath(name);
        ModuleScan scan = new ModuleScanner().scan(new ScanRequest(List.of(jar), RELEASE, List.of(), List.of(), null));
        assertEquals(List.of(), scan.warnings());

        Set<String> jdeps = SystemModules.of(RELEASE).closure(jdeps(withoutModuleInfo(jar)));
        Set<String> missing = new TreeSet<>(jdeps);
        missing.removeAll(scan.closure());
        assertEquals(Set.of(), missing, name + ": jdeps finds " + jdeps + ", the scan " + scan.closure());
    }

    @Test
    void jdepsItselfFailsOnTheModularJarWithAnAbsentOptionalRequirement() {
        int status;
        try {
            status = run(
                    List.of(
                            "--print-module-deps",
                            onClassPath("jakarta.transaction-api").toString()),
                    new StringWriter(),
                    new StringWriter());
        } catch (RuntimeException e) {
            status = -1; // jdeps throws FindException: "Module jakarta.interceptor not found, required by ..."
        }
        assertNotEquals(0, status, "jdeps resolves the modular jar: the comparison needs another jar");
    }

    private static Path built() throws IOException {
        return TestJars.jar(
                root.resolve("built.jar"),
                null,
                "b.A",
                "package b; public class A { java.sql.Connection c; java.util.logging.Logger l;"
                        + " public Runnable r() { return () -> { }; }"
                        + " javax.net.ssl.SSLContext s; java.lang.management.MemoryMXBean m; }",
                "b.B",
                "package b; public class B extends java.util.prefs.AbstractPreferences {"
                        + " B() { super(null, \"\"); }"
                        + " protected void putSpi(String k, String v) { } protected String getSpi(String k) { return k; }"
                        + " protected void removeSpi(String k) { } protected void removeNodeSpi() { }"
                        + " protected String[] keysSpi() { return null; } protected String[] childrenNamesSpi() {"
                        + " return null; } protected java.util.prefs.AbstractPreferences childSpi(String n) {"
                        + " return null; } protected void syncSpi() { } protected void flushSpi() { } }");
    }

    private static Path onClassPath(String prefix) {
        for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
            Path path = Path.of(entry);
            if (path.getFileName().toString().startsWith(prefix) && entry.endsWith(".jar")) {
                return path;
            }
        }
        throw new IllegalStateException(prefix + " is not on the test class path");
    }

    /** jdeps refuses a modular jar whose requirements are absent: give it the classes only. */
    private static Path withoutModuleInfo(Path jar) throws IOException {
        boolean modular;
        try (JarFile file = new JarFile(jar.toFile())) {
            modular = Collections.list(file.entries()).stream()
                    .anyMatch(e -> e.getName().endsWith("module-info.class"));
        }
        if (!modular) {
            return jar;
        }
        Path copy = root.resolve("classes-of-" + jar.getFileName());
        try (JarFile file = new JarFile(jar.toFile());
                OutputStream out = Files.newOutputStream(copy);
                JarOutputStream zip = new JarOutputStream(out, file.getManifest())) {
            for (JarEntry entry : Collections.list(file.entries())) {
                String name = entry.getName();
                if (name.endsWith("module-info.class") || name.equals("META-INF/MANIFEST.MF") || entry.isDirectory()) {
                    continue;
                }
                zip.putNextEntry(new JarEntry(name));
                try (InputStream in = file.getInputStream(entry)) {
                    in.transferTo(zip);
                }
                zip.closeEntry();
            }
        }
        return copy;
    }

    private static Set<String> jdeps(Path jar) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = run(
                List.of(
                        "--ignore-missing-deps",
                        "--print-module-deps",
                        "--multi-release",
                        Integer.toString(RELEASE),
                        jar.toString()),
                out,
                err);
        assertEquals(0, status, "jdeps failed: " + err);
        List<String> lines = out.toString().lines().filter(l -> !l.isBlank()).toList();
        Set<String> modules =
                new TreeSet<>(List.of(lines.get(lines.size() - 1).strip().split(",")));
        assertTrue(modules.stream().allMatch(m -> m.matches("[a-z][a-z0-9.]*")), modules.toString());
        return modules;
    }

    private static int run(List<String> args, StringWriter out, StringWriter err) {
        ToolProvider jdeps = ToolProvider.findFirst("jdeps").orElseThrow();
        try (PrintWriter o = new PrintWriter(out);
                PrintWriter e = new PrintWriter(err)) {
            return jdeps.run(o, e, new ArrayList<>(args).toArray(String[]::new));
        }
    }
}
