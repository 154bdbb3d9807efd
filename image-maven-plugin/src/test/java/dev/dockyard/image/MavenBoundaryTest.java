package dev.dockyard.image;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/** Only the {@code maven} package may use Maven APIs: the core stays usable and testable without Maven. */
class MavenBoundaryTest {

    @Test
    void onlyTheMavenPackageImportsMaven() throws IOException {
        Path root = Paths.get("src/main/java/dev/dockyard/image");
        try (Stream<Path> files = Files.walk(root)) {
            List<String> offenders = files.filter(p -> p.toString().endsWith(".java"))
                    .filter(p -> !root.relativize(p).startsWith("maven"))
                    .filter(p -> {
                        try {
                            return Files.readString(p, StandardCharsets.UTF_8).contains("import org.apache.maven");
                        } catch (IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    })
                    .map(p -> root.relativize(p).toString()).sorted().collect(Collectors.toList());
            assertEquals(List.of(), offenders);
        }
    }
}
