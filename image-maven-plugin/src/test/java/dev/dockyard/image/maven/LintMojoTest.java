package dev.dockyard.image.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dockyard.image.policy.FailOn;
import dev.dockyard.image.policy.LintReports;
import dev.dockyard.image.policy.Linter;
import dev.dockyard.image.policy.Severity;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.project.MavenProject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Parameters to lint settings, and the goal over a real module directory. */
class LintMojoTest {

    @TempDir
    Path module;

    private LintMojo mojo() throws Exception {
        LintMojo mojo = new LintMojo();
        mojo.failOn = "warning";
        MavenProject project = new MavenProject();
        project.setFile(module.resolve("pom.xml").toFile());
        mojo.project = project;
        mojo.reportsDirectory = module.resolve("target/image-reports").toFile();
        mojo.mojoExecution = new MojoExecution(Descriptors.goal("lint"));
        return mojo;
    }

    @Test
    void parametersBecomeSettings() throws Exception {
        LintMojo mojo = mojo();
        mojo.failOn = "ERROR";
        mojo.lintSeverities = List.of("user-numeric=warning", "consecutive-run=off");
        mojo.lintDisabledRules = List.of("apt-pinned");
        mojo.allowedRegistries = List.of("registry.example.com");
        mojo.digestPinSeverity = "error";
        Linter linter = mojo.lintRun().linter();
        assertEquals(FailOn.ERROR, linter.settings().failOn());
        assertEquals(Severity.WARNING, linter.settings().severities().get("user-numeric"));
        assertEquals(Severity.ERROR, linter.settings().severities().get("base-image-digest"));
        assertTrue(linter.settings().disabled().containsAll(List.of("consecutive-run", "apt-pinned")));
        assertEquals(List.of("registry.example.com"), linter.settings().allowedRegistries());
    }

    private static org.junit.jupiter.api.function.Executable lint(LintMojo mojo) {
        return () -> mojo.lint(run -> run.lint(List.of(), "lint"));
    }

    @Test
    void invalidParametersNameTheParameterAtTheFirstLint() throws Exception {
        LintMojo mojo = mojo();
        mojo.failOn = "sometimes";
        assertEquals(
                "Invalid <failOn>/image.failOn: 'sometimes' is not a failOn threshold: use error, warning, info or"
                        + " none",
                assertThrows(MojoFailureException.class, lint(mojo)).getMessage());
        mojo.failOn = "warning";
        mojo.lintSeverities = List.of("user-numeric");
        assertEquals(
                "Invalid <lintSeverities>/image.lint.severities: entry 'user-numeric': use rule=severity, e.g. "
                        + "user-numeric=warning",
                assertThrows(MojoFailureException.class, lint(mojo)).getMessage());
        mojo.lintSeverities = List.of("user-numeric=loud");
        assertEquals(
                "Invalid <lintSeverities>/image.lint.severities: entry 'user-numeric=loud': 'loud' is not a "
                        + "severity: use error, warning or info (or off)",
                assertThrows(MojoFailureException.class, lint(mojo)).getMessage());
    }

    @Test
    void lintsModuleDockerfilesAndFailsListingEveryProblem() throws Exception {
        Files.writeString(module.resolve("Dockerfile"), "FROM alpine:3.21@sha256:a\nUSER 1000\n");
        Files.createDirectories(module.resolve("src/main/docker"));
        Files.writeString(
                module.resolve("src/main/docker/Dockerfile.worker"),
                "FROM alpine:3.21@sha256:a\nWORKDIR jobs\nCMD run\nUSER 1000\n");
        Files.createDirectories(module.resolve("target/docker"));
        Files.writeString(module.resolve("target/docker/Dockerfile"), "FROM x\n");
        MojoFailureException e = assertThrows(MojoFailureException.class, mojo()::execute);
        assertEquals(
                "Dockerfile lint found 2 problems at or above failOn=warning:\n"
                        + "  src/main/docker/Dockerfile.worker:2:1 error workdir-absolute WORKDIR jobs is relative (it depends "
                        + "on the previous WORKDIR): use an absolute path such as /jobs\n"
                        + "  src/main/docker/Dockerfile.worker:3:1 warning exec-form CMD uses the shell form: use the exec form "
                        + "CMD [\"run\"] so the process gets signals as PID 1\n"
                        + "Fix them, silence one with '# dockyard ignore=RULE' on the line above it, or change "
                        + "<failOn>/image.failOn (rules: docs/rules.md).",
                e.getMessage());
        File json = module.resolve("target/image-reports/lint.json").toFile();
        assertTrue(json.isFile());
        assertTrue(Files.readString(json.toPath())
                .contains("\"files\" : [ \"Dockerfile\", " + "\"src/main/docker/Dockerfile.worker\" ]"));
    }

    @Test
    void theLintOfTheRenderedDockerfileKeepsTheHandWrittenOnesReports() throws Exception {
        Files.writeString(module.resolve("Dockerfile"), "FROM alpine:3.21@sha256:a\nUSER 1000\n");
        mojo().execute();
        Path rendered = Files.createDirectories(module.resolve("target/docker")).resolve("Dockerfile");
        Files.writeString(rendered, "FROM scratch@sha256:b\nUSER 65532:65532\n");
        // what image:dockerfile does after rendering (and what an up-to-date image:dockerfile leaves alone)
        mojo().lint(run -> run.lint(List.of(rendered), LintReports.RENDERED_NAME));

        Path reports = module.resolve("target/image-reports");
        assertTrue(Files.readString(reports.resolve("lint.json")).contains("\"files\" : [ \"Dockerfile\" ]"));
        assertTrue(Files.readString(reports.resolve("lint-dockerfile.json"))
                .contains("\"files\" : [ \"target/docker/Dockerfile\" ]"));
        for (String name : List.of(
                "lint.sarif", "TEST-dockyard-lint.xml", "lint-dockerfile.sarif", "TEST-dockyard-lint-dockerfile.xml")) {
            assertTrue(Files.isRegularFile(reports.resolve(name)), name);
        }
    }
}
