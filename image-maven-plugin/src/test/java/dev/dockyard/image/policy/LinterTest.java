package dev.dockyard.image.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LinterTest {

    private static final String ROOT =
            "FROM alpine:3.21@sha256:abc\nRUN apk add --no-cache curl=8.11.1-r0\n" + "RUN true\nUSER root\n";

    private static List<String> lines(LintSettings settings, String text) {
        return new Linter(settings).lint("Dockerfile", text).consoleLines();
    }

    @Test
    void defaultSettingsReportEveryRuleAtItsDefaultSeverity() {
        assertEquals(
                List.of(
                        "Dockerfile:3:1 info consecutive-run RUN follows the RUN at line 2: join them with && into one layer",
                        "Dockerfile:4:1 error user-root final stage runs as root (USER root): switch to a non-root user, e.g. "
                                + "USER 65532:65532"),
                lines(LintSettings.defaults(), ROOT));
    }

    @Test
    void severityOverridesAndDisabledRulesApply() {
        LintSettings s = LintSettings.builder()
                .severity("consecutive-run", Severity.ERROR)
                .disable(List.of("user-root"))
                .build();
        assertEquals(
                List.of("Dockerfile:3:1 error consecutive-run RUN follows the RUN at line 2: join them with && "
                        + "into one layer"),
                lines(s, ROOT));
    }

    @Test
    void failOnThresholdDecidesWhatFails() {
        String text = "FROM alpine:3.21@sha256:abc\nRUN true\nRUN true\nUSER 1000\n"; // one info finding
        assertEquals(
                0, new Linter(LintSettings.defaults()).lint("D", text).failing().size());
        assertEquals(
                1,
                new Linter(LintSettings.builder().failOn(FailOn.INFO).build())
                        .lint("D", text)
                        .failing()
                        .size());
        LintResult none = new Linter(LintSettings.builder().failOn(FailOn.NONE).build()).lint("D", ROOT);
        assertEquals(2, none.findings().size());
        assertFalse(none.failed());
        LintResult errorOnly =
                new Linter(LintSettings.builder().failOn(FailOn.ERROR).build()).lint("D", ROOT);
        assertEquals(
                List.of("user-root"),
                errorOnly.failing().stream().map(Finding::rule).toList());
        assertEquals(
                "Linted 1 Dockerfile: 2 findings (1 error, 0 warnings, 1 info), 1 at or above failOn=error",
                errorOnly.summary());
    }

    @Test
    void unknownRuleIdsInSettingsAreRejected() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> new Linter(
                        LintSettings.builder().disable(List.of("no-such-rule")).build()));
        assertTrue(
                e.getMessage().startsWith("unknown lint rule id(s) [no-such-rule]; known ids: add-local, "),
                e.getMessage());
    }

    @Test
    void allowedRegistriesAreEnforcedOnlyWhenConfigured() {
        String text = "FROM registry.example.com/base/jre:21@sha256:a AS a\nFROM ghcr.io/x/y:1@sha256:b\n"
                + "FROM debian:12@sha256:c\nUSER 1\n";
        assertTrue(lines(LintSettings.defaults(), text).isEmpty());
        LintSettings s = LintSettings.builder()
                .allowedRegistries(List.of("*.example.com", "docker.io"))
                .build();
        assertEquals(
                List.of("Dockerfile:2:1 error base-image-registry base image 'ghcr.io/x/y:1@sha256:b' comes from "
                        + "registry 'ghcr.io', not one of the allowed registries [*.example.com, docker.io]"),
                lines(s, text));
    }

    @Test
    void digestPinSeverityIsConfigurable() {
        String text = "FROM debian:12\nUSER 1\n";
        assertEquals(
                List.of("Dockerfile:1:1 error base-image-digest base image 'debian:12' is not pinned by digest: "
                        + "append @sha256:<digest> so rebuilds use the same image"),
                lines(LintSettings.builder().digestPinSeverity(Severity.ERROR).build(), text));
    }

    @Test
    void ignorePragmaSilencesOnlyTheNextInstruction() {
        String text = "FROM alpine:3.21@sha256:a\n# dockyard ignore=run-cd, sudo\nRUN cd /x && \\\n"
                + "  # hadolint ignore=DL3003\n  sudo true\nRUN cd /y\nUSER 1\n";
        assertEquals(
                List.of(
                        "Dockerfile:6:1 info consecutive-run RUN follows the RUN at line 3: join them with && into one layer",
                        "Dockerfile:6:1 warning run-cd RUN uses cd: set the directory with WORKDIR (absolute) instead"),
                lines(LintSettings.defaults(), text));
    }

    @Test
    void globalPragmasAndHadolintCodesSilenceTheirRules() {
        String text = "# hadolint global ignore=DL3059,DL3002\nFROM alpine:3.21@sha256:a\nRUN true\nRUN true\n"
                + "# dockyard global ignore=run-cd\nRUN cd /x\nUSER root\n";
        assertEquals(List.of(), lines(LintSettings.defaults(), text));
    }

    @Test
    void unparsableFileGivesOneSyntaxFinding() {
        LintResult r = new Linter(LintSettings.defaults()).lint("svc/Dockerfile", "FROM a:1\nRUNN x\n");
        assertEquals(List.of("svc/Dockerfile:2:1 error syntax unknown instruction: RUNN"), r.consoleLines());
        assertTrue(r.failed());
    }

    @Test
    void everyRuleHasAUniqueKebabCaseIdAndADescription() {
        List<Rule> rules = Rules.all();
        assertTrue(rules.size() >= 30, "rules: " + rules.size());
        Set<String> ids = new java.util.HashSet<>();
        for (Rule r : rules) {
            assertTrue(r.id().matches("[a-z][a-z0-9]*(-[a-z0-9]+)*"), r.id());
            assertTrue(ids.add(r.id()), "duplicate id " + r.id());
            assertFalse(r.description().isBlank());
            assertFalse(r.description().contains("\n"));
            for (String code : r.hadolintCodes()) {
                assertTrue(code.matches("DL[34]\\d{3}"), code);
            }
        }
    }

    @Test
    void aDockerfileThatIsNotUtf8IsASyntaxErrorAtItsByte(@org.junit.jupiter.api.io.TempDir java.nio.file.Path base)
            throws Exception {
        java.nio.file.Path file = base.resolve("Dockerfile");
        // "café" in ISO-8859-1, as an editor on Windows may save it
        java.nio.file.Files.write(
                file, "FROM a:1\nLABEL x=\"caf\u00e9\"\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        assertEquals(
                List.of("Dockerfile:2:13 error syntax the byte 0xE9 is not UTF-8: save the Dockerfile as UTF-8 (Docker"
                        + " reads it as UTF-8)"),
                new Linter(LintSettings.defaults()).lint(base, List.of(file)).consoleLines());
    }
}
