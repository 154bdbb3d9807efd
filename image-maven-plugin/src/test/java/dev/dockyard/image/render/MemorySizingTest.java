package dev.dockyard.image.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MemorySizingTest {

    @TempDir
    Path dir;

    @Test
    void metaspaceFollowsTheMemoryCalculatorsFormula() {
        // (27,000 + 13,000) x 0.35 = 14,000 loaded classes x 5,800 B + 14,000,000 B = 95,200,000 B = 90.8 MiB -> 91M
        assertEquals(
                List.of(
                        "-XX:MaxMetaspaceSize=91M",
                        "-XX:ReservedCodeCacheSize=240M",
                        "-XX:MaxDirectMemorySize=10M",
                        "-Xss1M"),
                MemorySizing.options(13_000));
    }

    @Test
    void countsTheClassFilesOfTheJars() throws Exception {
        Path one = TestJars.jar(
                dir.resolve("one.jar"),
                null,
                "a.A",
                "package a; public class A { class Inner {} }",
                "a.B",
                "package a; class B {}");
        Path two = TestJars.jar(dir.resolve("two.jar"), null, "c.C", "package c; public class C {}");
        assertEquals(4, MemorySizing.classes(List.of(one, two)));
    }
}
