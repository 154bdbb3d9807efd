package dev.dockyard.image.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dockyard.image.support.CoreException;
import dev.dockyard.image.support.UserFixableException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The lint use case: lint, reports, memo and verdict, over real files. */
class LintRunTest {

    private static final String PASSING = "FROM alpine:3.21@sha256:a\nUSER 1000:1000\n";
    private static final String FAILING = "FROM alpine:3.21@sha256:a\nWORKDIR jobs\nUSER 1000:1000\n";

    @TempDir
    Path module;

    private LintRun run(String failOn) {
        return new LintRun(
                new LintParameters(failOn, List.of(), List.of(), List.of(), null),
                module,
                module.resolve("target/image-reports"));
    }

    private Path reports() {
        return module.resolve("target/image-reports");
    }

    @Test
    void aFailingLintWritesTheReportsAndGivesTheVerdict() throws Exception {
        Path dockerfile = Files.writeString(module.resolve("Dockerfile"), FAILING);
        LintOutcome outcome = run("warning").lint(List.of(dockerfile), LintReports.DEFAULT_NAME);
        assertFalse(outcome.upToDate());
        assertEquals(List.of("Dockerfile"), outcome.result().files());
        assertEquals(
                "Dockerfile lint found 1 problem at or above failOn=warning:\n"
                        + "  Dockerfile:2:1 error workdir-absolute WORKDIR jobs is relative (it depends on the previous"
                        + " WORKDIR): use an absolute path such as /jobs\n"
                        + "Fix them, silence one with '# dockyard ignore=RULE' on the line above it, or change "
                        + "<failOn>/<failOn> (rules: docs/rules.md).",
                CoreException.plain(outcome.failure().orElseThrow()));
        for (String name : List.of("lint.json", "lint.sarif", "TEST-dockyard-lint.xml")) {
            assertTrue(Files.isRegularFile(reports().resolve(name)), name);
        }
    }

    @Test
    void findingsBelowTheThresholdPass() throws Exception {
        Path dockerfile = Files.writeString(module.resolve("Dockerfile"), FAILING);
        LintOutcome outcome = run("none").lint(List.of(dockerfile), LintReports.DEFAULT_NAME);
        assertTrue(outcome.passed());
        assertNull(outcome.verdict());
        assertEquals(1, outcome.result().count(Severity.ERROR));
    }

    @Test
    void anUnchangedRenderedDockerfileThatPassedIsNotLintedAgain() throws Exception {
        Path dockerfile = Files.writeString(
                Files.createDirectories(module.resolve("target/docker")).resolve("Dockerfile"), PASSING);
        Path work = module.resolve("target/image-work");

        LintOutcome first = run("warning").lintRendered(dockerfile, true, work);
        assertFalse(first.upToDate(), "nothing remembered yet");
        assertTrue(first.passed());
        assertTrue(Files.isRegularFile(reports().resolve("lint-dockerfile.json")));

        assertTrue(run("warning").lintRendered(dockerfile, true, work).upToDate());
        assertFalse(run("warning").lintRendered(dockerfile, false, work).upToDate(), "rendered anew");
        assertFalse(run("info").lintRendered(dockerfile, true, work).upToDate(), "other parameters");
        assertTrue(run("info").lintRendered(dockerfile, true, work).upToDate());

        Files.delete(reports().resolve("lint-dockerfile.json"));
        assertFalse(run("info").lintRendered(dockerfile, true, work).upToDate(), "the report is gone");
    }

    @Test
    void aFailedLintIsLintedAgainNextTime() throws Exception {
        Path dockerfile = Files.writeString(
                Files.createDirectories(module.resolve("target/docker")).resolve("Dockerfile"), FAILING);
        Path work = module.resolve("target/image-work");
        assertFalse(run("warning").lintRendered(dockerfile, true, work).passed());
        LintOutcome again = run("warning").lintRendered(dockerfile, true, work);
        assertFalse(again.upToDate());
        assertFalse(again.passed());
        assertFalse(Files.exists(work.resolve(LintRun.MEMO_FILE)));
    }

    @Test
    void invalidParametersNameTheParameterAtTheFirstLint() throws Exception {
        Path dockerfile = Files.writeString(
                Files.createDirectories(module.resolve("target/docker")).resolve("Dockerfile"), FAILING);
        LintRun run = run("sometimes");
        UserFixableException e = assertThrows(UserFixableException.class, () -> run.lint(List.of(dockerfile), "lint"));
        assertEquals(java.util.Optional.of("failOn"), e.parameter());
        assertEquals("'sometimes' is not a failOn threshold: use error, warning, info or none", e.getMessage());
    }

    @Test
    void anUnreadableDockerfileIsNamed() {
        Path missing = module.resolve("Dockerfile");
        String message = assertThrows(
                        java.io.IOException.class,
                        () -> run("warning").lint(List.of(missing), LintReports.DEFAULT_NAME))
                .getMessage();
        assertTrue(message.startsWith("Cannot read Dockerfile: "), message);
        assertTrue(message.contains(missing.toString()), message);
    }
}
