package dev.dockyard.image.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every {@code lint-corpus/NAME.Dockerfile} is linted with the default settings and must give exactly the console
 * lines in {@code NAME.expected} (empty file: no findings). Set {@code -Dlint.corpus.write=true} to (re)write the
 * expected files after a deliberate rule change, then review the diff.
 */
class LintCorpusTest {

    static final Path CORPUS = Paths.get("src/test/resources/lint-corpus");

    static Stream<Path> corpus() throws IOException {
        try (Stream<Path> files = Files.list(CORPUS)) {
            List<Path> all = files.filter(p -> p.toString().endsWith(".Dockerfile"))
                    .sorted()
                    .collect(Collectors.toList());
            assertTrue(all.size() >= 30, "corpus has at least 30 Dockerfiles, found " + all.size());
            return all.stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void findingsMatchExpected(Path dockerfile) throws IOException {
        String name = dockerfile.getFileName().toString();
        // every rule, the opt-in digest rule included
        LintResult result = new Linter(
                        LintSettings.builder().digestPinSeverity(Severity.INFO).build())
                .lint(name, Files.readString(dockerfile, StandardCharsets.UTF_8));
        String actual = result.consoleLines().stream().map(l -> l + "\n").collect(Collectors.joining());
        Path expectedFile = CORPUS.resolve(name.replace(".Dockerfile", ".expected"));
        if (Boolean.getBoolean("lint.corpus.write")) {
            Files.writeString(expectedFile, actual, StandardCharsets.UTF_8);
        }
        assertEquals(Files.readString(expectedFile, StandardCharsets.UTF_8), actual, name);
    }
}
