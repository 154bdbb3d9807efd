package dev.dockyard.image.modules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dockyard.image.render.TestJars;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReactorRuntimeTest {

    @TempDir
    Path root;

    private final ModuleScanner scanner = new ModuleScanner();

    private Path sources(String service, String... files) throws IOException {
        Path directory = root.resolve(service).resolve("src/main/java");
        for (int i = 0; i < files.length; i += 2) {
            Path file = directory.resolve(files[i]);
            Files.createDirectories(file.getParent());
            Files.writeString(file, files[i + 1]);
        }
        return directory;
    }

    private static ReactorRuntime.Service service(String name, List<Path> jars, Path... sources) {
        return new ReactorRuntime.Service(name, jars, List.of(sources), List.of(), List.of(), List.of(), List.of());
    }

    @Test
    void unionOfEveryServiceNamesWhoBroughtEachModuleBeyondTheOthers() throws Exception {
        Path plain = sources(
                "plain",
                "it/Service.java",
                "package it;\nimport com.sun.net.httpserver.HttpServer;\npublic class Service { HttpServer s; }");
        Path sql = sources(
                "sql",
                "it/Service.java",
                "package it;\nimport com.sun.net.httpserver.HttpServer;\npublic class Service { HttpServer s; }",
                "it/Store.java",
                "package it;\nimport java.sql.*;\nclass Store { Connection c; }");
        Path http = sources(
                "http",
                "it/Service.java",
                "package it;\npublic class Service { com.sun.net.httpserver.HttpServer s;"
                        + " java.net.http.HttpClient c = java.net.http.HttpClient.newHttpClient(); }");
        ReactorRuntime.Union union = ReactorRuntime.of(
                scanner,
                List.of(
                        service("plain", List.of(), plain),
                        service("sql", List.of(), sql),
                        service("http", List.of(), http)),
                17);
        assertEquals(
                List.of("java.base", "java.net.http", "java.sql", "jdk.crypto.ec", "jdk.httpserver"), union.modules());
        assertEquals(
                "java.base, java.net.http (http), java.sql (sql), jdk.crypto.ec (http), jdk.httpserver",
                union.describe());
        // java.sql requires java.xml transitively: the runtime holds it, jlink adds it
        assertTrue(union.closure().contains("java.xml"), union.closure().toString());
        assertEquals(List.of("plain", "sql", "http"), List.copyOf(union.needs().keySet()));
        assertEquals(List.of(), union.missing(List.of("java.base", "java.xml", "java.logging")));
        assertEquals(List.of("java.desktop"), union.missing(List.of("java.base", "java.desktop")));
    }

    @Test
    void thirdPartyJarsSettingsAndSourcesCount() throws Exception {
        Path jar = TestJars.jar(
                root.resolve("driver.jar"),
                null,
                "d.Driver",
                "package d; public class Driver { java.sql.Connection c; }");
        Path none = sources(
                "none",
                "it/Main.java",
                "package it;\n// java.desktop in a comment is no use\n"
                        + "class Main { String s = \"javax.swing.JFrame\"; }");
        ReactorRuntime.Union union = ReactorRuntime.of(
                scanner,
                List.of(
                        service("jdbc", List.of(jar), none),
                        new ReactorRuntime.Service(
                                "fixed",
                                List.of(),
                                List.of(),
                                List.of("java.logging"),
                                List.of("jdk.jfr"),
                                List.of("-javaagent:/a.jar"),
                                List.of()),
                        new ReactorRuntime.Service(
                                "agent",
                                List.of(),
                                List.of(none),
                                List.of(),
                                List.of(),
                                List.of("-javaagent:/a.jar"),
                                List.of("de"))),
                17);
        // java.logging (fixed's) is left to jlink: java.sql (jdbc's) requires it transitively
        assertEquals(List.of("java.base", "java.instrument", "java.sql", "jdk.jfr", "jdk.localedata"), union.modules());
        assertEquals(
                "java.base, java.instrument (agent), java.sql (jdbc), jdk.jfr (fixed), jdk.localedata (agent)",
                union.describe());
        assertEquals(
                List.of("java.base", "java.logging", "jdk.jfr"), union.needs().get("fixed"));
    }

    @Test
    void sourcesNameThePackagesOfImportsAndQualifiedNamesOutsideCommentsAndStrings() {
        Set<String> packages = new HashSet<>();
        Set<String> features = new HashSet<>();
        SourceScanner.facts(
                "package a.b;\nimport static java.util.concurrent.TimeUnit.SECONDS;\nimport javax.xml.stream.*;\n"
                        + "/* java.awt.Frame */ class C { // java.rmi.Remote\n"
                        + " Object o = java.util.logging.Logger.getGlobal(); String url = \"dns:java.desktop\";\n"
                        + " Object f = java.nio.file.FileSystems.newFileSystem(null); char q = '\"';\n"
                        + " String n = \"jdk.jfr.FlightRecorder\"; }",
                packages,
                features);
        for (String expected :
                List.of("java.util.concurrent", "javax.xml.stream", "java.util.logging", "java.nio.file")) {
            assertTrue(packages.contains(expected), expected + " in " + packages);
        }
        for (String absent : List.of("java.awt", "java.rmi", "java.desktop")) {
            assertTrue(!packages.contains(absent), absent + " in " + packages);
        }
        assertEquals(
                Set.of(
                        JarFacts.Feature.DNS_URL,
                        JarFacts.Feature.NEW_FILE_SYSTEM,
                        JarFacts.Feature.REFLECTED + "jdk.jfr.FlightRecorder"),
                features);
    }

    @Test
    void manyServicesAskingAtOnceGetTheSameUnion() throws Exception {
        Path sql = sources("sql", "S.java", "class S { java.sql.Connection c; }");
        List<ReactorRuntime.Service> services = List.of(service("a", List.of(), sql), service("b", List.of()));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<ReactorRuntime.Union>> tasks = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                tasks.add(() -> ReactorRuntime.of(scanner, services, 17));
            }
            Set<List<String>> seen = new HashSet<>();
            for (Future<ReactorRuntime.Union> future : pool.invokeAll(tasks)) {
                seen.add(future.get().modules());
            }
            assertEquals(Set.of(List.of("java.base", "java.sql")), seen);
        } finally {
            pool.shutdownNow();
        }
    }
}
