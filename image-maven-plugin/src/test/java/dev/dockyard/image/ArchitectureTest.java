package dev.dockyard.image;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Keeps the core Maven-free: only {@code dev.dockyard.image.maven} may use Maven's API. */
class ArchitectureTest {

    @Test
    void onlyTheMavenPackageImportsMaven() throws IOException {
        Path sources = Path.of("src/main/java/dev/dockyard/image");
        List<String> offenders;
        try (var walk = Files.walk(sources)) {
            offenders = walk.filter(p -> p.toString().endsWith(".java"))
                    .filter(p -> !sources.relativize(p).startsWith("maven"))
                    .filter(ArchitectureTest::usesMaven)
                    .map(p -> sources.relativize(p).toString())
                    .sorted()
                    .toList();
        }
        assertEquals(List.of(), offenders);
    }

    @Test
    void theCatalogListsExactlyTheBundledTemplates() throws IOException {
        List<String> files;
        try (var list = Files.list(Path.of("../templates"))) {
            files = list.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".ftl"))
                    .map(n -> n.substring(0, n.length() - 4)).sorted().toList();
        }
        List<String> bundled = new java.util.ArrayList<>(dev.dockyard.image.render.Catalog.NAMES);
        dev.dockyard.image.render.Catalog.IMPORTS.forEach(i -> bundled.add(i.substring(0, i.length() - 4)));
        assertEquals(bundled.stream().sorted().toList(), files);
    }

    private static boolean usesMaven(Path file) {
        try {
            return Files.readAllLines(file).stream().anyMatch(l -> l.contains("org.apache.maven"));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
