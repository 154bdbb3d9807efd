package dev.dockyard.image.dockerfile;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.dockyard.image.policy.Finding;
import dev.dockyard.image.policy.LintSettings;
import dev.dockyard.image.policy.Linter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;

/**
 * Property tests over generated input (3 x 40,000 tries): random text over Dockerfile-heavy characters,
 * instruction-shaped lines, and mutated corpus files. For every input the parser returns a result or a
 * {@link DockerfileSyntaxException} positioned inside the input, never any other exception, within 5 seconds; the
 * linter, which runs every rule over whatever parses, never throws either.
 */
class DockerfileParserFuzzTest {

    private static final ExecutorService WORKER = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "fuzz-parser");
        t.setDaemon(true);
        return t;
    });

    private static final Linter LINTER = new Linter(LintSettings.defaults());

    private static final List<String> CORPUS = loadCorpus();

    private static final String[] FRAGMENTS = {
        "FROM ",
        "from ",
        "RUN ",
        "COPY ",
        "ADD ",
        "ARG ",
        "ENV ",
        "USER ",
        "WORKDIR ",
        "EXPOSE ",
        "CMD ",
        "ENTRYPOINT ",
        "HEALTHCHECK ",
        "SHELL ",
        "ONBUILD ",
        "LABEL ",
        "VOLUME ",
        "MAINTAINER ",
        "STOPSIGNAL ",
        " AS ",
        " as ",
        "--from=",
        "--chown=",
        "--chmod=",
        "--platform=",
        "--mount=",
        "--link",
        "--",
        "\\\n",
        "`\n",
        "\n",
        "\r\n",
        "# escape=`\n",
        "# escape=\\\n",
        "# syntax=x\n",
        "# dockyard ignore=",
        "# hadolint ignore=DL3008\n",
        "<<EOF",
        "<<-EOF",
        "<<'EOF'",
        "<<\"EOF\"",
        "\nEOF\n",
        "\n\tEOF\n",
        "${",
        "}",
        "$",
        ":-",
        ":+",
        ":?",
        "[",
        "]",
        "\"",
        "'",
        ",",
        "=",
        " ",
        "\t",
        "|",
        "&&",
        ";",
        "apt-get install ",
        "apk add ",
        "-y ",
        "sudo ",
        "cd ",
        "useradd -u 1234567 ",
        "0",
        "65536",
        "root",
        "scratch",
        "alpine:3.21",
        "@sha256:",
        "latest",
        "NONE",
        "CMD",
        "\\",
        "`",
        "#",
        "\u0000",
        "\uFEFF",
        "é"
    };

    @AfterContainer
    static void stopWorker() {
        WORKER.shutdownNow();
    }

    @Property(tries = 40_000)
    void randomText(@ForAll("noise") String text) {
        check(text);
    }

    @Property(tries = 40_000)
    void instructionShapedText(@ForAll("shaped") String text) {
        check(text);
    }

    @Property(tries = 40_000)
    void mutatedCorpusFiles(@ForAll("mutated") String text) {
        check(text);
    }

    @Provide
    Arbitrary<String> noise() {
        return Arbitraries.strings()
                .withChars("FROMRUNCOPYARGENV AS:=-$`\\\"'[]{},<>#|&\n\r\t 0123456789/.")
                .withCharRange('\u0000', '\u007f')
                .ofMaxLength(200);
    }

    @Provide
    Arbitrary<String> shaped() {
        Arbitrary<String> prefix = Arbitraries.of("", "FROM alpine:3.21 AS base\n", "ARG A=1\nFROM a:${A}\n");
        return Combinators.combine(prefix, Arbitraries.of(FRAGMENTS).list().ofMaxSize(60))
                .as((p, l) -> p + String.join("", l));
    }

    @Provide
    Arbitrary<String> mutated() {
        Arbitrary<String> file = Arbitraries.of(CORPUS);
        Arbitrary<List<int[]>> edits = Combinators.combine(
                        Arbitraries.integers().between(0, 5),
                        Arbitraries.integers().between(0, 100_000),
                        Arbitraries.integers().between(0, 100_000),
                        Arbitraries.integers().between(0, FRAGMENTS.length - 1))
                .as((kind, a, b, frag) -> new int[] {kind, a, b, frag})
                .list()
                .ofMinSize(1)
                .ofMaxSize(6);
        return Combinators.combine(file, edits).as(DockerfileParserFuzzTest::mutate);
    }

    /** Applies edits: delete a range, insert a fragment, duplicate a line, swap two lines, truncate, flip case. */
    static String mutate(String text, List<int[]> edits) {
        StringBuilder sb = new StringBuilder(text);
        for (int[] e : edits) {
            int n = sb.length();
            int a = n == 0 ? 0 : e[1] % (n + 1);
            int b = n == 0 ? 0 : e[2] % (n + 1);
            int lo = Math.min(a, b);
            int hi = Math.min(Math.max(a, b), lo + 40);
            switch (e[0]) {
                case 0:
                    sb.delete(lo, hi);
                    break;
                case 1:
                    sb.insert(a, FRAGMENTS[e[3]]);
                    break;
                case 2: {
                    List<String> lines = new ArrayList<>(List.of(sb.toString().split("\n", -1)));
                    int i = e[1] % lines.size();
                    lines.add(i, lines.get(i));
                    sb.setLength(0);
                    sb.append(String.join("\n", lines));
                    break;
                }
                case 3: {
                    List<String> lines = new ArrayList<>(List.of(sb.toString().split("\n", -1)));
                    int i = e[1] % lines.size();
                    int j = e[2] % lines.size();
                    String t = lines.get(i);
                    lines.set(i, lines.get(j));
                    lines.set(j, t);
                    sb.setLength(0);
                    sb.append(String.join("\n", lines));
                    break;
                }
                case 4:
                    sb.setLength(a);
                    break;
                default:
                    for (int k = lo; k < hi; k++) {
                        char c = sb.charAt(k);
                        sb.setCharAt(k, Character.isUpperCase(c) ? Character.toLowerCase(c) : Character.toUpperCase(c));
                    }
            }
        }
        return sb.toString();
    }

    private static void check(String text) {
        Future<String> outcome = WORKER.submit(() -> {
            try {
                Dockerfile f = DockerfileParser.parse("Dockerfile", text);
                assertTrue(!f.stages().isEmpty() && !f.instructions().isEmpty());
                for (Instruction i : f.instructions()) {
                    assertTrue(i.line() >= 1 && i.column() >= 1 && i.endLine() >= i.line(), i.toString());
                }
            } catch (DockerfileSyntaxException e) {
                long lines = text.chars().filter(c -> c == '\n').count() + 1;
                assertTrue(e.line() >= 1 && e.line() <= lines && e.column() >= 1, e.getMessage());
                assertTrue(e.getMessage().startsWith("Dockerfile:" + e.line() + ":" + e.column() + " "));
            }
            List<Finding> findings = LINTER.findings("Dockerfile", text);
            for (Finding f : findings) {
                assertTrue(f.line() >= 1 && f.column() >= 1, f.consoleLine());
            }
            return "ok";
        });
        try {
            outcome.get(5, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            outcome.cancel(true);
            fail("parser or linter did not finish within 5 s on: " + text);
        } catch (ExecutionException e) {
            throw new AssertionError("unexpected " + e.getCause() + " on input: " + text, e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            fail("interrupted");
        }
    }

    private static List<String> loadCorpus() {
        Path dir = Paths.get("src/test/resources/lint-corpus");
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.toString().endsWith(".Dockerfile"))
                    .sorted()
                    .map(p -> {
                        try {
                            return Files.readString(p, StandardCharsets.UTF_8);
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    })
                    .collect(Collectors.toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
