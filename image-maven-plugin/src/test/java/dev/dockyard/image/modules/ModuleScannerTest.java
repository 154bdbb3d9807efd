package dev.dockyard.image.modules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dockyard.image.render.TestJars;
import dev.dockyard.image.support.CoreException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModuleScannerTest {

    @TempDir
    Path root;

    private final ModuleScanner scanner = new ModuleScanner();

    private ModuleScan scan(int release, Path... jars) throws IOException {
        return scanner.scan(new ScanRequest(List.of(jars), release, List.of(), List.of(), null));
    }

    @Test
    void findsModulesInDescriptorsSignaturesAndLambdasButNotInAnnotations() throws Exception {
        Path jar = TestJars.jar(
                root.resolve("a.jar"),
                null,
                "a.Fields",
                "package a; public class Fields { public java.sql.Connection c; }",
                "a.Generic",
                "package a; public class Generic { public java.util.List<java.util.logging.Level> l; }",
                "a.Throws",
                "package a; public abstract class Throws {"
                        + " public abstract void m() throws javax.naming.NamingException; }",
                "a.Annotated",
                "package a; @java.beans.JavaBean public class Annotated { }",
                "a.Lambda",
                "package a; public class Lambda { public Runnable r() { return () -> { }; } }",
                "a.Record",
                "package a; public record Record(java.net.http.HttpClient client) { }");
        ModuleScan scan = scan(17, jar);
        for (String module : List.of("java.sql", "java.logging", "java.naming", "java.net.http")) {
            assertTrue(scan.closure().contains(module), module + " in " + scan.closure());
        }
        // @java.beans.JavaBean: only an annotation names java.desktop, and the JVM ignores an absent annotation type
        assertTrue(!scan.closure().contains("java.desktop"), "java.desktop in " + scan.closure());
        assertEquals(List.of(), scan.warnings());
        assertEquals(scan.modules().stream().sorted().toList(), scan.modules());
    }

    @Test
    void aModuleAnnotationsOrAnnotationProcessorsAloneNeedIsNotLinked() throws Exception {
        Path jar = TestJars.jar(
                root.resolve("codegen.jar"),
                null,
                "c.Model",
                "package c; @java.beans.JavaBean public class Model { java.sql.Connection c; }",
                "c.Processor",
                "package c; public class Processor extends javax.annotation.processing.AbstractProcessor {"
                        + " public boolean process(java.util.Set<? extends javax.lang.model.element.TypeElement> a,"
                        + " javax.annotation.processing.RoundEnvironment r) { return false; }"
                        + " static class Tools { javax.tools.JavaCompiler compiler; } }");
        ModuleScan withProcessor = scan(17, jar);
        assertTrue(
                withProcessor.closure().contains("java.compiler"),
                withProcessor.closure().toString());

        Path listed = root.resolve("listed.jar");
        try (var in = java.util.zip.ZipFile.class.cast(new java.util.zip.ZipFile(jar.toFile()));
                var out = new java.util.zip.ZipOutputStream(java.nio.file.Files.newOutputStream(listed))) {
            for (var entries = in.entries(); entries.hasMoreElements(); ) {
                var entry = entries.nextElement();
                out.putNextEntry(new java.util.zip.ZipEntry(entry.getName()));
                in.getInputStream(entry).transferTo(out);
                out.closeEntry();
            }
            out.putNextEntry(new java.util.zip.ZipEntry("META-INF/services/javax.annotation.processing.Processor"));
            out.write("# the processor javac runs\nc.Processor\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
            out.closeEntry();
        }
        ModuleScan scan = new ModuleScanner().scan(new ScanRequest(List.of(listed), 17, List.of(), List.of(), null));
        assertTrue(scan.closure().contains("java.sql"), scan.closure().toString());
        for (String module : List.of("java.desktop", "java.compiler")) {
            assertTrue(!scan.closure().contains(module), module + " in " + scan.closure());
        }
    }

    @Test
    void aGraalVmSubstitutionIsNotReadForItOnlyRunsInNativeImage() throws Exception {
        String annotation = "package com.oracle.svm.core.annotate;"
                + " @java.lang.annotation.Retention(java.lang.annotation.RetentionPolicy.RUNTIME)"
                + " public @interface TargetClass { Class<?> value(); }";
        String substitution = "package q; @com.oracle.svm.core.annotate.TargetClass(java.awt.GraphicsEnvironment.class)"
                + " final class Target_java_awt_GraphicsEnvironment {"
                + " static boolean headless(java.awt.GraphicsEnvironment e) { return e.isHeadlessInstance(); } }";
        Path runtime = TestJars.jar(
                root.resolve("runtime.jar"),
                null,
                "com.oracle.svm.core.annotate.TargetClass",
                annotation,
                "q.Target_java_awt_GraphicsEnvironment",
                substitution,
                "q.Uses",
                "package q; public class Uses { java.sql.Connection c; }");
        ModuleScan scan = scan(17, runtime);
        assertTrue(scan.closure().contains("java.sql"), scan.closure().toString());
        assertFalse(scan.closure().contains("java.desktop"), scan.closure().toString());

        // the same class without the annotation is code a JVM can load: its module is linked
        Path plain = TestJars.jar(
                root.resolve("plain.jar"),
                null,
                "q.Target_java_awt_GraphicsEnvironment",
                substitution.replace(
                        "@com.oracle.svm.core.annotate.TargetClass(java.awt.GraphicsEnvironment.class)", ""));
        assertTrue(scan(17, plain).closure().contains("java.desktop"));
    }

    @Test
    void aModuleTheJarsDescriptorRequiresStaticIsNotLinkedForThatJarsReferences() throws Exception {
        // as snakeyaml's and Jakarta EL's module-info: requires static java.desktop (optional at run time)
        Map<String, byte[]> entries = new LinkedHashMap<>(classes(
                "y.Beans",
                BEANS,
                "y.Logs",
                "package y; public class Logs { java.util.logging.Logger l;"
                        + " Object driver() throws Exception { return Class.forName(\"java.sql.DriverManager\"); } }"));
        entries.put("module-info.class", yDescriptor());
        ModuleScan scan = scan(17, jar(root.resolve("y.jar"), Map.of(), entries));
        assertFalse(scan.closure().contains("java.desktop"), scan.closure().toString());
        assertTrue(
                scan.closure().containsAll(List.of("java.logging", "java.sql")),
                scan.closure().toString());

        // a class of the jar outside the module's packages (a shaded jar holds one library's descriptor among
        // the classes of many) needs it all the same
        Map<String, byte[]> shaded = new LinkedHashMap<>(entries);
        shaded.putAll(classes("z.Other", "package z; public class Other { java.beans.Introspector i; }"));
        assertTrue(scan(17, jar(root.resolve("shaded.jar"), Map.of(), shaded))
                .closure()
                .contains("java.desktop"));

        // another jar naming java.beans needs it all the same
        Path app = TestJars.jar(
                root.resolve("app.jar"), null, "a.App", "package a; public class App { java.beans.Introspector i; }");
        ModuleScan both = scan(17, jar(root.resolve("y2.jar"), Map.of(), entries), app);
        assertTrue(both.closure().contains("java.desktop"), both.closure().toString());
    }

    @Test
    void withAMainClassOnlyWhatCodeCanLoadCounts() throws Exception {
        Path app = TestJars.jar(
                root.resolve("app/target/app-1.0.jar"),
                "a.Main",
                "a.Main",
                "package a; public class Main { public static void main(String[] args) throws Exception {"
                        + " Class.forName(\"lib.Loaded\"); } }");
        Map<String, byte[]> entries = new LinkedHashMap<>(classes(
                "lib.Loaded",
                "package lib; public class Loaded { java.util.logging.Logger logger; }",
                "lib.Unused",
                "package lib; public class Unused { java.sql.Connection connection; }",
                "lib.Spi",
                "package lib; public interface Spi { }",
                "lib.Provider",
                "package lib; public class Provider implements Spi { java.awt.Color color; }",
                "lib.Configured",
                "package lib; public class Configured { javax.naming.Context context; }",
                "lib.Driver",
                "package lib; public class Driver { java.rmi.Remote remote; }"));
        // a provider of a service nothing loads; a class the jar's configuration names; a provider of a JDK service
        entries.put("META-INF/services/lib.Spi", "lib.Provider\n".getBytes(StandardCharsets.UTF_8));
        entries.put("lib/settings.properties", "factory=lib.Configured\n".getBytes(StandardCharsets.UTF_8));
        entries.put("META-INF/services/java.sql.Driver", "lib.Driver\n".getBytes(StandardCharsets.UTF_8));
        // OSGi metadata in the manifest and Maven's in META-INF/maven load nothing on a class path
        entries.put(
                "META-INF/maven/lib/lib/pom.xml", "<mainClass>lib.Unused</mainClass>".getBytes(StandardCharsets.UTF_8));
        Path lib = jar(
                root.resolve("repo/lib-1.0.jar"),
                Map.of("Provide-Capability", "osgi.serviceloader;osgi.serviceloader=lib.Unused"),
                entries);

        // jars no loadable class names: an index below META-INF is read all the same (frameworks look in every
        // jar), a file in a package is not (only the jar's own classes read it)
        Map<String, byte[]> indexedEntries = new LinkedHashMap<>(classes(
                "indexed.Indexed", "package indexed; public class Indexed { java.util.prefs.Preferences prefs; }"));
        indexedEntries.put("META-INF/framework/index.json", "[\"indexed.Indexed\"]".getBytes(StandardCharsets.UTF_8));
        Path indexed = jar(root.resolve("repo/indexed-1.0.jar"), Map.of(), indexedEntries);
        Map<String, byte[]> otherEntries = new LinkedHashMap<>(
                classes("other.Hidden", "package other; public class Hidden { javax.script.ScriptEngine engine; }"));
        otherEntries.put("other/config.xml", "<class>other.Hidden</class>".getBytes(StandardCharsets.UTF_8));
        Path other = jar(root.resolve("repo/other-1.0.jar"), Map.of(), otherEntries);

        ModuleScan everything = scan(17, app, lib, indexed, other);
        assertTrue(
                everything.closure().containsAll(List.of("java.sql", "java.desktop")),
                everything.closure().toString());
        ScanRequest request = new ScanRequest(
                List.of(app, lib, indexed, other),
                17,
                List.of(),
                List.of(),
                root.resolve("app/target/image-work"),
                Set.of(app),
                List.of(),
                List.of(),
                List.of("a.Main"));
        ModuleScan loadable = scanner.scan(request);
        assertEquals(List.of("java.base", "java.logging", "java.naming", "java.prefs", "java.rmi"), loadable.modules());
        assertTrue(
                loadable.explanation()
                        .contains(
                                "java.naming: class reference: lib-1.0.jar, lib.Configured names javax.naming.Context"),
                loadable.explanation().toString());
        assertTrue(
                loadable.leftOut()
                        .contains("java.sql: not linked: only classes nothing loads need it (class reference:"
                                + " lib-1.0.jar, lib.Unused names java.sql.Connection)"),
                loadable.leftOut().toString());
        assertTrue(
                loadable.leftOut().stream().anyMatch(line -> line.startsWith("java.desktop: not linked")),
                loadable.leftOut().toString());

        // the next build reads the class graphs it stored, not the jars, and finds the same
        ModuleScanner nextBuild = new ModuleScanner();
        assertEquals(loadable, nextBuild.scan(request));
        assertEquals(0, nextBuild.jarsRead());

        // once the application loads the service, its provider is loadable, and what it needs linked
        Path loading = TestJars.jar(
                root.resolve("app/target/app-1.0.jar"),
                "a.Main",
                "a.Main",
                "package a; public class Main { public static void main(String[] args) throws Exception {"
                        + " Class.forName(\"lib.Loaded\"); Class.forName(\"lib.Spi\"); } }");
        assertTrue(new ModuleScanner().scan(request).modules().contains("java.desktop"), loading.toString());
    }

    @Test
    void theDescriptorsOfLibrariesAShadedJarHoldsApplyToTheirClassesInIt() throws Exception {
        // y.jar is multi-release, its descriptor below META-INF/versions/9 (as snakeyaml's): requires static
        // java.desktop, requires java.sql
        Map<String, byte[]> library = new LinkedHashMap<>(classes("y.Beans", BEANS));
        Map<String, byte[]> shadedEntries = new LinkedHashMap<>(library);
        library.put("META-INF/versions/9/module-info.class", yDescriptor());
        Path held = jar(root.resolve("repo/y-1.0.jar"), Map.of("Multi-Release", "true"), library);
        // the shaded jar: y's classes without its descriptor (a shading plugin drops it), and the application's
        shadedEntries.putAll(classes("a.App", "package a; public class App { Object beans; }"));
        Path shaded = jar(root.resolve("app-1.0.jar"), Map.of(), shadedEntries);

        ModuleScan alone = scan(17, shaded);
        assertTrue(alone.closure().contains("java.desktop"), alone.closure().toString());
        Path work = root.resolve("image-work");
        ModuleScan holding = scanner.scan(new ScanRequest(
                List.of(shaded), 17, List.of(), List.of(), work, Set.of(), List.of(), List.of(held), List.of()));
        assertEquals(List.of("java.base", "java.sql"), holding.modules());
        assertTrue(
                holding.explanation()
                        .contains("java.sql: module descriptor: app-1.0.jar (y-1.0.jar inside), module-info requires"
                                + " java.sql"),
                holding.explanation().toString());
        // the per-module store keeps both answers apart
        assertTrue(new ModuleScanner()
                .scan(new ScanRequest(List.of(shaded), 17, List.of(), List.of(), work))
                .closure()
                .contains("java.desktop"));
        assertEquals(
                holding.modules(),
                new ModuleScanner()
                        .scan(new ScanRequest(
                                List.of(shaded),
                                17,
                                List.of(),
                                List.of(),
                                work,
                                Set.of(),
                                List.of(),
                                List.of(held),
                                List.of()))
                        .modules());

        // a class of the shaded jar outside y's packages needs java.desktop all the same
        shadedEntries.putAll(classes("z.Other", "package z; public class Other { java.beans.Introspector i; }"));
        Path other = jar(root.resolve("other-1.0.jar"), Map.of(), shadedEntries);
        assertTrue(scanner.scan(new ScanRequest(
                        List.of(other), 17, List.of(), List.of(), null, Set.of(), List.of(), List.of(held), List.of()))
                .closure()
                .contains("java.desktop"));
    }

    @Test
    void reducesTheListByRequiresTransitiveAndClosesItOverRequires() throws Exception {
        Path jar = TestJars.jar(
                root.resolve("a.jar"),
                null,
                "a.A",
                "package a; public class A {" + " java.sql.Connection c; java.util.logging.Logger l; }");
        ModuleScan scan = scan(17, jar);
        assertEquals(List.of("java.base", "java.sql"), scan.modules());
        assertTrue(
                scan.closure()
                        .containsAll(
                                List.of("java.base", "java.logging", "java.sql", "java.xml", "java.transaction.xa")),
                scan.closure().toString());
    }

    @Test
    void readsAMultiReleaseJarForTheTargetRelease() throws Exception {
        Map<String, byte[]> base = classes("m.Impl", "package m; public class Impl { java.sql.Connection c; }");
        Map<String, byte[]> v11 = classes("m.Impl", "package m; public class Impl { java.net.http.HttpClient c; }");
        Map<String, byte[]> entries = new LinkedHashMap<>(base);
        v11.forEach((name, bytes) -> entries.put("META-INF/versions/11/" + name, bytes));
        Path jar = jar(root.resolve("mr.jar"), Map.of("Multi-Release", "true"), entries);

        ModuleScan on17 = scan(17, jar);
        assertTrue(on17.closure().contains("java.net.http"), on17.closure().toString());
        assertFalse(on17.closure().contains("java.sql"), "the versioned class replaces the base one");
        ModuleScan on10 = new ModuleScanner().scan(new ScanRequest(List.of(jar), 10, List.of(), List.of(), null));
        assertTrue(on10.closure().contains("java.sql"), on10.closure().toString());
        assertFalse(on10.closure().contains("java.net.http"));

        Path plain = jar(root.resolve("plain.jar"), Map.of(), entries);
        assertTrue(scan(17, plain).closure().contains("java.sql"), "versions/ is ignored without Multi-Release");
    }

    @Test
    void aBrokenClassFileOrJarGivesOneWarningNamingTheJar() throws Exception {
        Map<String, byte[]> entries =
                new LinkedHashMap<>(classes("b.Good", "package b; public class Good { java.sql.Connection c; }"));
        entries.put("b/Bad.class", new byte[] {(byte) 0xCA, (byte) 0xFE, (byte) 0xBA, (byte) 0xBE, 0, 0, 0, 61, 0, 9});
        entries.put("b/Worse.class", "not a class".getBytes(StandardCharsets.UTF_8));
        Path broken = jar(root.resolve("broken-1.0.jar"), Map.of(), entries);
        Path notAJar = Files.writeString(root.resolve("not-a-jar-2.0.jar"), "plain text");

        ModuleScan scan = scan(17, broken, notAJar);
        assertTrue(scan.closure().contains("java.sql"), "the readable classes count");
        assertEquals(2, scan.warnings().size(), scan.warnings().toString());
        assertTrue(
                scan.warnings()
                        .get(0)
                        .startsWith("Module scan: broken-1.0.jar: 2 of 3 class files could not be"
                                + " read (first: b/Bad.class: "),
                scan.warnings().get(0));
        assertTrue(CoreException.plain(scan.warnings().get(0)).endsWith("add any it needs with <additionalModules>."));
        assertTrue(
                scan.warnings().get(1).startsWith("Module scan: not-a-jar-2.0.jar: cannot be read as a jar ("),
                scan.warnings().get(1));
    }

    @Test
    void readsClassFilesOfJavaReleasesNewerThanAsmKnows() throws Exception {
        Map<String, byte[]> entries =
                new LinkedHashMap<>(classes("n.New", "package n; public class New { java.sql.Connection c; }"));
        byte[] bytes = entries.get("n/New.class");
        bytes[6] = 0;
        bytes[7] = (byte) 99; // Java 55
        Path jar = jar(root.resolve("new.jar"), Map.of(), entries);
        ModuleScan scan = scan(17, jar);
        assertEquals(List.of(), scan.warnings());
        assertTrue(scan.closure().contains("java.sql"));
    }

    @Test
    void readsJarsNestedInAJar() throws Exception {
        Path inner = TestJars.jar(
                root.resolve("inner.jar"), null, "i.I", "package i; public class I {" + " java.sql.Connection c; }");
        Path outer =
                jar(root.resolve("boot.jar"), Map.of(), Map.of("BOOT-INF/lib/inner.jar", Files.readAllBytes(inner)));
        assertTrue(scan(17, outer).closure().contains("java.sql"));
    }

    @Test
    void takesTheJdkModulesAModuleInfoRequiresButNotStaticOrUnknownOnes() throws Exception {
        // java.sql is loaded by name (a descriptor's requirement is what makes reflection work on a module path);
        // jdk.zipfs provides a service and has no API to name; java.naming is a leftover the classes never name
        Path jar = TestJars.jar(
                root.resolve("mod.jar"),
                null,
                "module-info",
                "module mod { requires java.sql; requires jdk.zipfs; requires java.naming;"
                        + " requires static java.desktop; }",
                "mod.M",
                "package mod; public class M { Object m() throws Exception {"
                        + " return Class.forName(\"java.sql.DriverManager\"); } }");
        ModuleScan scan = scan(17, jar);
        assertTrue(
                scan.closure().containsAll(List.of("java.sql", "jdk.zipfs")),
                scan.closure().toString());
        assertFalse(scan.closure().contains("java.desktop"));
        assertFalse(scan.closure().contains("java.naming"), scan.closure().toString());
        assertTrue(
                scan.explanation().contains("java.sql: module descriptor: mod.jar, module-info requires java.sql"),
                scan.explanation().toString());
    }

    @Test
    void aClassWhoseSupertypeNoJarHoldsNeverLoads() throws Exception {
        // as jakarta.ws.rs.core.Link$JaxbAdapter, which extends JAXB's XmlAdapter: without JAXB it cannot load
        Path optional = TestJars.jar(
                root.resolve("optional.jar"), null, "opt.Adapter", "package opt; public abstract class Adapter { }");
        Path lib = TestJars.jar(
                root.resolve("repo/rs-1.0.jar"),
                null,
                "rs.Link",
                "package rs; public class Link { public static class JaxbAdapter extends opt.Adapter {"
                        + " javax.xml.namespace.QName name; } }",
                "opt.Adapter",
                "package opt; public abstract class Adapter { }");
        // the library as published: its classes, without the optional one
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (JarFile file = new JarFile(lib.toFile())) {
            for (JarEntry entry : java.util.Collections.list(file.entries())) {
                if (entry.getName().startsWith("rs/")) {
                    entries.put(entry.getName(), file.getInputStream(entry).readAllBytes());
                }
            }
        }
        Path published = jar(root.resolve("repo/rs-1.0-published.jar"), Map.of(), entries);
        Path app = TestJars.jar(
                root.resolve("app/app.jar"),
                "a.Main",
                "a.Main",
                "package a; public class Main { public static void main(String[] args) throws Exception {"
                        + " Class.forName(\"rs.Link$JaxbAdapter\"); } }");
        assertFalse(scanner.scan(started(app, "a.Main", published)).closure().contains("java.xml"));
        // with the optional library on the class path, the adapter loads
        assertTrue(scanner.scan(started(app, "a.Main", published, optional))
                .closure()
                .contains("java.xml"));

        // a class that declares it, loaded, does not load it: only its InnerClasses attribute names it
        Path linkOnly = TestJars.jar(
                root.resolve("app2/app.jar"),
                "a.Main",
                "a.Main",
                "package a; public class Main { public static void main(String[] args) throws Exception {"
                        + " Class.forName(\"rs.Link\"); } }");
        assertFalse(scanner.scan(started(linkOnly, "a.Main", published, optional))
                .closure()
                .contains("java.xml"));
    }

    /** A request as the renderer makes it: the application's jar built by the module, started by its main class. */
    private static ScanRequest started(Path app, String mainClass, Path... libraries) {
        List<Path> jars = new java.util.ArrayList<>(List.of(app));
        jars.addAll(List.of(libraries));
        return new ScanRequest(
                jars, 17, List.of(), List.of(), null, Set.of(app), List.of(), List.of(), List.of(mainClass));
    }

    @Test
    void addsTheModulesOfTheRules() throws Exception {
        Path tls = TestJars.jar(
                root.resolve("tls.jar"), null, "t.T", "package t; public class T {" + " javax.net.ssl.SSLContext c; }");
        assertTrue(scan(17, tls).modules().contains("jdk.crypto.ec"));
        assertEquals(
                List.of(
                        "java.base: always added: every runtime holds it",
                        "jdk.crypto.ec: rule: tls.jar, t.T: TLS is reachable (javax.net.ssl is used) on Java 17"),
                scan(17, tls).explanation());
        assertFalse(scan(22, tls).closure().contains("jdk.crypto.ec"), "in java.base from 22");

        Path zip = TestJars.jar(
                root.resolve("zip.jar"),
                null,
                "z.Z",
                "package z; public class Z {"
                        + " static Object f(java.nio.file.Path p) throws Exception {"
                        + " return java.nio.file.FileSystems.newFileSystem(p); } }");
        assertTrue(scan(17, zip).modules().contains("jdk.zipfs"));

        Path metrics = TestJars.jar(
                root.resolve("metrics.jar"),
                null,
                "j.M",
                "package j; public class M {"
                        + " static long up() { return java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime(); }"
                        + " static Object remote() throws Exception {"
                        + " return javax.management.remote.JMXConnectorFactory.newJMXConnector(null, null); } }");
        ModuleScan jmx = scan(17, metrics);
        assertTrue(
                jmx.modules().containsAll(List.of("jdk.management", "jdk.management.agent")),
                jmx.modules().toString());
        assertTrue(jmx.closure().contains("java.management.rmi"));

        Path unsafe = unsafeByName();
        assertTrue(scan(17, unsafe).modules().contains("jdk.unsupported"));

        Path dns = TestJars.jar(
                root.resolve("dns.jar"),
                null,
                "d.D",
                "package d; public class D {"
                        + " static Object f() throws Exception {"
                        + " return new javax.naming.directory.InitialDirContext().getAttributes(\"dns:/example.org\"); } }");
        assertTrue(scan(17, dns).modules().contains("jdk.naming.dns"));

        Path agent = jar(root.resolve("agent.jar"), Map.of("Premain-Class", "x.Agent"), Map.of());
        assertTrue(scan(17, agent).modules().contains("java.instrument"));

        Path plain = TestJars.jar(root.resolve("plain.jar"), null, "p.P", "package p; public class P { }");
        ModuleScan options = scanner.scan(new ScanRequest(
                List.of(plain),
                17,
                List.of("de", "fr-CH"),
                List.of("-javaagent:/app/agent.jar", "-Dcom.sun.management.jmxremote.port=9010"),
                null));
        assertEquals(
                List.of("java.base", "java.instrument", "jdk.localedata", "jdk.management.agent"), options.modules());
        assertEquals(List.of("java.base"), scan(17, plain).modules());
    }

    /** A jar whose class loads {@code sun.misc.Unsafe} by name. */
    private Path unsafeByName() throws IOException {
        return TestJars.jar(
                root.resolve("unsafe.jar"),
                null,
                "u.U",
                "package u; public class U {"
                        + " static Class<?> f() throws Exception { return Class.forName(\"sun.misc.Unsafe\"); } }");
    }

    private static Path jarOf(Class<?> type) throws Exception {
        return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
    }

    @Test
    void explainsEveryLinkedModuleOfRealJarsByItsFirstJarAndClass() throws Exception {
        Path guava = jarOf(com.google.common.base.Joiner.class);
        Path snakeyaml = jarOf(org.yaml.snakeyaml.Yaml.class);
        Path jackson = jarOf(com.fasterxml.jackson.databind.ObjectMapper.class);
        assertEquals(
                List.of(
                        "java.base: always added: every runtime holds it",
                        "java.logging: class reference: guava-19.0.jar,"
                                + " com.google.common.base.FinalizableReferenceQueue$DecoupledLoader"
                                + " names java.util.logging.Logger",
                        "jdk.unsupported: class reference: guava-19.0.jar, com.google.common.cache.Striped64$1"
                                + " names sun.misc.Unsafe"),
                scan(17, guava).explanation());
        // the first jar of the request that needs a module is named, the modules it requires by their requirer;
        // what snakeyaml's and jackson-databind's descriptors require static (java.desktop, java.sql, java.xml) is
        // not linked for their references, but for another jar's
        Path jdbc = TestJars.jar(
                root.resolve("jdbc.jar"), null, "j.Dao", "package j; public class Dao { java.sql.Connection c; }");
        assertEquals(
                List.of(
                        "java.base: always added: every runtime holds it",
                        "java.logging: class reference: jackson-databind-2.18.2.jar,"
                                + " com.fasterxml.jackson.databind.PropertyNamingStrategy$PropertyNamingStrategyBase"
                                + " names java.util.logging.Logger",
                        "java.sql: class reference: jdbc.jar, j.Dao names java.sql.Connection",
                        "java.transaction.xa: required by java.sql",
                        "java.xml: required by java.sql"),
                scan(17, snakeyaml, jackson, jdbc).explanation());
        // the same from the work directory's cache
        Path work = root.resolve("cached");
        ScanRequest request = new ScanRequest(List.of(guava), 17, List.of(), List.of(), work);
        List<String> first = new ModuleScanner().scan(request).explanation();
        assertEquals(first, new ModuleScanner().scan(request).explanation());
    }

    @Test
    void explainsRulesOptionsSettingsAndModuleDescriptors() throws Exception {
        Path unsafe = unsafeByName();
        Path agent = jar(root.resolve("agent.jar"), Map.of("Premain-Class", "x.Agent"), Map.of());
        ModuleScan scan = scanner.scan(new ScanRequest(
                List.of(unsafe, agent),
                17,
                List.of("de"),
                List.of("-Dcom.sun.management.jmxremote.port=9010"),
                null,
                java.util.Set.of(),
                List.of("jdk.charsets"),
                List.of(),
                List.of()));
        assertEquals(
                List.of(
                        "java.base: always added: every runtime holds it",
                        "java.instrument: rule: agent.jar, META-INF/MANIFEST.MF Premain-Class: x.Agent:"
                                + " a jar's manifest names a Java agent",
                        "java.logging: required by java.rmi",
                        "java.management: required by jdk.management.agent",
                        "java.management.rmi: required by jdk.management.agent",
                        "java.naming: required by java.management.rmi",
                        "java.rmi: required by java.management.rmi",
                        "java.security.sasl: required by java.naming",
                        "jdk.charsets: setting: listed in " + CoreException.mention("additionalModules"),
                        "jdk.localedata: setting: " + CoreException.mention("locales") + " is de",
                        "jdk.management.agent: JVM option: -Dcom.sun.management.jmxremote.port",
                        "jdk.unsupported: reflection rule: unsafe.jar, u.U: sun.misc.Unsafe is loaded by name"),
                scan.explanation());
    }

    @Test
    void readsEachLibraryOncePerBuildAndOnlyChangedJarsOnARebuild() throws Exception {
        Path lib = TestJars.jar(
                root.resolve("repo/lib.jar"), null, "l.L", "package l; public class L {" + " java.sql.Connection c; }");
        Path copy =
                Files.copy(lib, Files.createDirectories(root.resolve("other")).resolve("lib.jar"));
        Path app = TestJars.jar(
                root.resolve("app/target/app.jar"),
                null,
                "a.A",
                "package a; public class A {" + " java.util.logging.Logger l; }");
        Path work = root.resolve("app/target/image-work");
        ScanRequest request = new ScanRequest(List.of(app, lib), 17, List.of(), List.of(), work);
        assertEquals(List.of("java.base", "java.sql"), scanner.scan(request).modules());
        assertEquals(2, scanner.jarsRead());
        scanner.scan(new ScanRequest(List.of(copy), 17, List.of(), List.of(), root.resolve("b/image-work")));
        assertEquals(2, scanner.jarsRead(), "same content, other path: read once per build");
        assertTrue(Files.isRegularFile(work.resolve(ModuleScanner.STORE)));

        // the next build: a new scanner; the library comes from the work directory, the changed jar is read
        ModuleScanner nextBuild = new ModuleScanner();
        TestJars.jar(app, null, "a.A", "package a; public class A { java.net.http.HttpClient c; }");
        Files.setLastModifiedTime(app, FileTime.fromMillis(System.currentTimeMillis() + 5_000));
        // java.net.http reaches TLS: jdk.crypto.ec on Java 17
        assertEquals(
                List.of("java.base", "java.net.http", "java.sql", "jdk.crypto.ec"),
                nextBuild.scan(request).modules());
        assertEquals(1, nextBuild.jarsRead());
        ModuleScanner rerun = new ModuleScanner();
        rerun.scan(request);
        assertEquals(0, rerun.jarsRead());
    }

    /** A class of package {@code y} using {@code java.beans}, as snakeyaml's bean introspection does. */
    private static final String BEANS =
            "package y; public class Beans { java.beans.PropertyDescriptor[] of(Class<?> c) throws Exception {"
                    + " return java.beans.Introspector.getBeanInfo(c).getPropertyDescriptors(); } }";

    /**
     * The descriptor of module {@code y.lib} (package {@code y}), as snakeyaml's and Jakarta EL's: requires static
     * java.desktop, requires java.sql.
     */
    private static byte[] yDescriptor() {
        org.objectweb.asm.ClassWriter writer = new org.objectweb.asm.ClassWriter(0);
        writer.visit(
                org.objectweb.asm.Opcodes.V9, org.objectweb.asm.Opcodes.ACC_MODULE, "module-info", null, null, null);
        org.objectweb.asm.ModuleVisitor module = writer.visitModule("y.lib", 0, null);
        module.visitRequire("java.base", org.objectweb.asm.Opcodes.ACC_MANDATED, null);
        module.visitRequire("java.desktop", org.objectweb.asm.Opcodes.ACC_STATIC_PHASE, null);
        module.visitRequire("java.sql", 0, null);
        module.visitPackage("y");
        module.visitEnd();
        writer.visitEnd();
        return writer.toByteArray();
    }

    /** Compiles sources and returns the class files by entry name. */
    private Map<String, byte[]> classes(String... classAndSource) throws IOException {
        Path jar = TestJars.jar(Files.createTempDirectory(root, "c").resolve("c.jar"), null, classAndSource);
        Map<String, byte[]> classes = new LinkedHashMap<>();
        try (JarFile file = new JarFile(jar.toFile())) {
            for (JarEntry entry : java.util.Collections.list(file.entries())) {
                if (entry.getName().endsWith(".class")) {
                    classes.put(entry.getName(), file.getInputStream(entry).readAllBytes());
                }
            }
        }
        return classes;
    }

    private static Path jar(Path jar, Map<String, String> attributes, Map<String, byte[]> entries) throws IOException {
        return TestJars.write(jar, attributes, entries);
    }
}
