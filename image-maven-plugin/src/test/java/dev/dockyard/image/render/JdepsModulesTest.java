package dev.dockyard.image.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JdepsModulesTest {

    @TempDir
    Path root;

    @Test
    void reducesModulesThatAnotherOneRequiresTransitively() {
        assertEquals(List.of("java.base", "java.sql"), JdepsModules.reduce(Set.of("java.base", "java.logging", "java.sql")));
        assertEquals(List.of("java.base", "jdk.httpserver"), JdepsModules.reduce(Set.of("java.base", "jdk.httpserver")));
    }

    @Test
    void analysesLibrariesOnceAndOnlyTheOwnJarsAfterACodeChange() throws Exception {
        Path app = TestJars.jar(root.resolve("app/target/app.jar"), "a.Main", "a.Main",
                "package a; public class Main { public static void main(String[] x) {"
                        + " java.util.logging.Logger.getLogger(\"a\"); } }");
        Path lib = TestJars.jar(root.resolve("repo/lib.jar"), null, "l.Lib",
                "package l; public class Lib { public java.sql.Connection c; }");
        Path work = root.resolve("app/target/image-work");
        JdepsModules jdeps = new JdepsModules();
        assertEquals(List.of("java.base", "java.sql"), jdeps.compute(List.of(app), List.of(lib), work));

        Path librariesCache = work.resolve("jdeps-libraries.txt");
        String ownBefore = Files.readString(work.resolve("jdeps-own.txt"));
        FileTime librariesWritten = Files.getLastModifiedTime(librariesCache);
        Files.setLastModifiedTime(librariesCache, FileTime.fromMillis(librariesWritten.toMillis() - 60_000));
        FileTime marked = Files.getLastModifiedTime(librariesCache);

        // a code change: the application now needs java.net.http as well
        TestJars.jar(app, "a.Main", "a.Main", "package a; public class Main { public static void main(String[] x) {"
                + " java.net.http.HttpClient.newHttpClient(); } }");
        Files.setLastModifiedTime(app, FileTime.fromMillis(System.currentTimeMillis() + 5_000));
        assertEquals(List.of("java.base", "java.net.http", "java.sql"), jdeps.compute(List.of(app), List.of(lib), work));
        assertEquals(marked, Files.getLastModifiedTime(librariesCache), "the libraries were not analysed again");
        assertNotEquals(ownBefore, Files.readString(work.resolve("jdeps-own.txt")));
    }
}
