package dev.dockyard.image.dockerfile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DockerfileParserTest {

    private static Dockerfile parse(String text) throws DockerfileSyntaxException {
        return DockerfileParser.parse("Dockerfile", text);
    }

    private static DockerfileSyntaxException error(String text) {
        return assertThrows(DockerfileSyntaxException.class, () -> parse(text));
    }

    @Test
    void instructionsKeepLineAndColumn() throws Exception {
        Dockerfile f = parse("# comment\n\nFROM alpine:3.21\n  RUN echo hi\n\tUSER 1000\n");
        List<Instruction> all = f.instructions();
        assertEquals(3, all.size());
        assertEquals(List.of(3, 4, 5), all.stream().map(Instruction::line).toList());
        assertEquals(List.of(1, 3, 2), all.stream().map(Instruction::column).toList());
        assertEquals("echo hi", all.get(1).arguments());
        assertEquals(List.of(new Comment(1, 1, "comment")), f.comments());
    }

    @Test
    void keywordsAreCaseInsensitive() throws Exception {
        Dockerfile f = parse("from alpine:3.21 as Base\nrUn true\nCopy --FROM=base a b\n");
        assertEquals(
                List.of("FROM", "RUN", "COPY"),
                f.instructions().stream().map(Instruction::keyword).toList());
        assertEquals("base", f.stages().get(0).name());
        assertEquals("base", f.instructions().get(2).flag("from"));
    }

    @Test
    void continuationsJoinLinesAndSkipCommentsAndBlankLines() throws Exception {
        Dockerfile f =
                parse("FROM debian:12\nRUN apt-get update \\\n  # a comment\n\n  && apt-get install -y curl \\  \n"
                        + "  && true\nUSER 1\n");
        Instruction run = f.instructions().get(1);
        assertEquals(2, run.line());
        assertEquals(6, run.endLine());
        assertEquals("apt-get update   && apt-get install -y curl   && true", run.arguments());
        assertEquals(7, f.instructions().get(2).line());
        assertEquals(List.of(3), f.comments().stream().map(Comment::line).toList());
    }

    @Test
    void escapeDirectiveSwitchesToBacktick() throws Exception {
        Dockerfile f = parse("# escape=`\n# syntax=docker/dockerfile:1\nFROM windows\nRUN dir C:\\ `\n  && echo done\n"
                + "WORKDIR C:\\app\\\n");
        assertEquals('`', f.escape());
        assertEquals("`", f.directives().get("escape"));
        assertEquals("docker/dockerfile:1", f.directives().get("syntax"));
        assertEquals("dir C:\\   && echo done", f.instructions().get(1).arguments());
        assertEquals("C:\\app\\", f.instructions().get(2).arguments());
    }

    @Test
    void directivesOnlyCountAtTheTop() throws Exception {
        Dockerfile f = parse("# hello\n# escape=`\nFROM a:1\nRUN x \\\n  y\n");
        assertEquals('\\', f.escape());
        assertTrue(f.directives().isEmpty());
        assertEquals("x   y", f.instructions().get(1).arguments());
    }

    @Test
    void heredocsAreAttached() throws Exception {
        Dockerfile f =
                parse("FROM a:1\nRUN <<EOF\nset -e\necho \"$HOME\"\nEOF\nCOPY <<-EOT /etc/x.conf\n\tkey=1\n\tEOT\n"
                        + "RUN <<'A' <<\"B\" cat\none\nA\ntwo\nB\nUSER 1\n");
        Instruction run = f.instructions().get(1);
        assertEquals(List.of(new Heredoc("EOF", "set -e\necho \"$HOME\"\n", false, false, 3)), run.heredocs());
        assertEquals(5, run.endLine());
        Instruction copy = f.instructions().get(2);
        assertEquals("key=1\n", copy.heredocs().get(0).content());
        assertTrue(copy.heredocs().get(0).stripTabs());
        Instruction two = f.instructions().get(3);
        assertEquals(
                List.of("A", "B"),
                two.heredocs().stream().map(Heredoc::delimiter).toList());
        assertTrue(two.heredocs().get(0).quoted());
        assertEquals("one\n", two.heredocs().get(0).content());
        assertEquals(14, f.instructions().get(4).line());
    }

    @Test
    void shiftsAndHereStringsAreNotHeredocs() throws Exception {
        Dockerfile f = parse("FROM a:1\nRUN echo $((1<<2)) && cat <<< \"x\" && echo '<<EOF'\nUSER 1\n");
        assertTrue(f.instructions().get(1).heredocs().isEmpty());
        assertEquals(3, f.instructions().get(2).line());
    }

    @Test
    void execAndShellForms() throws Exception {
        Dockerfile f = parse("FROM a:1\nCMD [\"java\", \"-jar\", \"a b.jar\"]\nENTRYPOINT java -jar x\n"
                + "CMD [\"unterminated\"\nSHELL [\"/bin/bash\", \"-o\", \"pipefail\", \"-c\"]\n");
        assertEquals(List.of("java", "-jar", "a b.jar"), f.instructions().get(1).json());
        assertFalse(f.instructions().get(2).isExecForm());
        assertNull(f.instructions().get(3).json());
        assertEquals(
                List.of("/bin/bash", "-o", "pipefail", "-c"),
                f.instructions().get(4).json());
    }

    @Test
    void flagsAreSplitOff() throws Exception {
        Dockerfile f = parse("FROM --platform=$BUILDPLATFORM golang:1.23 AS build\n"
                + "RUN --mount=type=cache,target=/root/.cache go build\n"
                + "FROM scratch\nCOPY --from=build --chown=1:1 --chmod=0755 --link /out /app\n"
                + "HEALTHCHECK --interval=5s --retries=3 CMD [\"/app\", \"health\"]\n");
        Instruction from = f.instructions().get(0);
        assertEquals(List.of(new Flag("platform", "$BUILDPLATFORM")), from.flags());
        assertEquals("golang:1.23", f.stages().get(0).baseName());
        assertEquals("type=cache,target=/root/.cache", f.instructions().get(1).flag("mount"));
        Instruction copy = f.instructions().get(3);
        assertEquals("build", copy.flag("from"));
        assertEquals("1:1", copy.flag("chown"));
        assertEquals("0755", copy.flag("chmod"));
        assertEquals("", copy.flag("link"));
        assertEquals("/out /app", copy.arguments());
        assertEquals(List.of(0), f.stages().get(1).dependencies());
        assertEquals("3", f.instructions().get(4).flag("retries"));
    }

    @Test
    void argsBeforeFromAreSubstituted() throws Exception {
        Dockerfile f = parse("ARG REG=registry.example.com\nARG TAG\nARG FLAVOR\n"
                + "FROM ${REG}/base:${TAG:-21}${FLAVOR:+-$FLAVOR} AS one\n"
                + "FROM $REG/other:${TAG}\nFROM one\n");
        assertEquals(3, f.globalArgs().size());
        Stage one = f.stages().get(0);
        assertEquals("registry.example.com/base:21", one.baseName());
        assertEquals(new ImageRef("registry.example.com", "base", "21", null), one.baseImage());
        assertFalse(f.stages().get(1).resolved(), "TAG has no value until build time");
        assertNull(f.stages().get(1).baseImage());
        assertEquals(one, f.stages().get(2).baseStage());
        assertNull(f.stages().get(2).baseImage());
    }

    @Test
    void stageVariablesExpandInUserAndEnvIsInherited() throws Exception {
        Dockerfile f = parse("ARG UID=10001\nFROM a:1 AS base\nENV HOME_DIR=/srv\nARG UID\nUSER ${UID}\n"
                + "FROM base\nWORKDIR $HOME_DIR/app\n");
        assertEquals("10001", f.instructions().get(4).expanded());
        assertEquals("/srv/app", f.instructions().get(6).expanded());
    }

    @Test
    void crlfAndByteOrderMarkAreAccepted() throws Exception {
        Dockerfile f = parse("\uFEFFFROM a:1\r\nRUN echo \\\r\n  hi\r\n");
        assertEquals("echo   hi", f.instructions().get(1).arguments());
    }

    @Test
    void syntaxErrorsArePositioned() {
        DockerfileSyntaxException e = error("FROM a:1\nRUN x\n\n  COPPY a b\n");
        assertEquals("Dockerfile:4:3 unknown instruction: COPPY", e.getMessage());
        assertEquals(4, e.line());
        assertEquals(3, e.column());
    }

    @Test
    void deeplyNestedSubstitutionIsAnErrorNotAStackOverflow() {
        String nested = "${A:-".repeat(10_000) + "x" + "}".repeat(10_000);
        assertEquals(
                "Dockerfile:1:1 FROM: substitution nested more than 64 levels deep",
                error("FROM " + nested + "\n").getMessage());
    }

    @Test
    void longContinuationsParse() throws Exception {
        StringBuilder sb = new StringBuilder("FROM a:1\nRUN true");
        for (int i = 0; i < 20_000; i++) {
            sb.append(" \\\n  && echo ").append(i).append(" <<<").append(" '<<x'");
        }
        Dockerfile f = parse(sb.append('\n').toString());
        assertEquals(20_002, f.instructions().get(1).endLine());
        String spaces = " ".repeat(200_000);
        assertEquals(
                "x",
                parse("# syntax=" + spaces + "x" + spaces + "\nFROM a\n")
                        .directives()
                        .get("syntax")
                        .strip());
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "''|1:1 file with no instructions",
                "'# only a comment\n'|1:1 file with no instructions",
                "'ARG A=1\n'|1:1 no FROM instruction: a Dockerfile needs at least one stage",
                "'RUN true\nFROM a\n'|1:1 RUN before the first FROM: only ARG may precede FROM",
                "'# escape=x\nFROM a\n'|1:1 invalid escape character 'x': use \\ or `",
                "'# escape=`\n# escape=\\\nFROM a\n'|2:1 only one 'escape' parser directive can be used",
                "'FROM a b\n'|1:1 FROM requires either one or three arguments: FROM image [AS name]",
                "'FROM a AS 1x\n'|1:1 invalid stage name '1x': start with a letter, then letters, digits, '_', '.' or '-'",
                "'FROM a\nRUN <<EOF\necho\n'|2:1 unterminated here-document: no line 'EOF' before the end of the file",
                "'FROM a\nSHELL /bin/sh -c\n'|2:1 SHELL requires its arguments as a non-empty JSON array, e.g. SHELL [\"/bin/sh\", \"-c\"]",
                "'FROM a\nENV FOO\n'|2:1 ENV FOO has no value: use ENV key=value",
                "'FROM a\nENV A=1 B\n'|2:1 ENV 'B' is not of the form key=value",
                "'FROM a\nCOPY --frm=x a b\n'|2:1 unknown flag for COPY: --frm",
                "'FROM a\nCOPY --from a b\n'|2:1 COPY flag --from requires a value (--from=...)",
                "'FROM a\nCOPY onlyone\n'|2:1 COPY requires at least two arguments: source(s) and destination",
                "'FROM a\nUSER\n'|2:1 USER requires at least one argument",
                "'FROM a\nONBUILD FROM b\n'|2:1 FROM is not allowed as an ONBUILD trigger",
                "'FROM a\nHEALTHCHECK curl x\n'|2:1 HEALTHCHECK requires NONE or CMD followed by a command",
                "'FROM a\nWORKDIR ${DIR\n'|2:1 WORKDIR: missing '}' in ${DIR",
                "'FROM ${:-x}\n'|1:1 FROM: bad substitution: variable name expected after '${'",
            })
    void malformedInputGivesPositionedError(String text, String expected) {
        assertEquals("Dockerfile:" + expected, error(text.replace("\\n", "\n")).getMessage());
    }

    @Test
    void buildArgumentsGiveTheArgumentsTheirValues() throws Exception {
        String text = "ARG BASE=eclipse-temurin:17-jdk\nFROM ${BASE} AS build\nARG UID=1000\nUSER ${UID}\n"
                + "FROM ${UNDECLARED:-debian}\n";
        Dockerfile defaults = DockerfileParser.parse("Dockerfile", text);
        assertEquals("eclipse-temurin:17-jdk", defaults.stages().get(0).baseName());
        assertEquals("1000", defaults.stages().get(0).last("USER").expanded());

        Dockerfile given = DockerfileParser.parse(
                "Dockerfile", text, Map.of("BASE", "eclipse-temurin:25-jdk", "UID", "65532", "UNDECLARED", "alpine"));
        assertEquals("eclipse-temurin:25-jdk", given.stages().get(0).baseName());
        assertEquals("65532", given.stages().get(0).last("USER").expanded());
        assertEquals("debian", given.finalStage().baseName(), "a build argument no ARG declares is not seen");
    }
}
