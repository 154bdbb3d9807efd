package dev.dockyard.image.policy.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.dockyard.image.policy.LintSettings;
import dev.dockyard.image.policy.Linter;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Edge cases per rule: the lines at which one rule reports for a small Dockerfile ({@code \n} separates lines). */
class RuleExamplesTest {

    private static final Linter LINTER = new Linter(LintSettings.defaults());

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(
            delimiter = '~',
            value = {
                // user-root: USER 0, 0:0, root:root, inherited from a named stage, no USER
                "user-root~FROM a:1\\nUSER 0:0~2",
                "user-root~FROM a:1\\nUSER root:root~2",
                "user-root~FROM a:1\\nUSER 00~2",
                "user-root~FROM a:1 AS base\\nUSER 1000\\nFROM base~''",
                "user-root~FROM a:1 AS base\\nUSER 1000\\nFROM b:1\\nCOPY --from=base /x /x~3",
                "user-root~FROM a:1\\nUSER 1000\\nUSER 0~3",
                "user-root~ARG UID=1000\\nFROM a:1\\nARG UID\\nUSER ${UID}~''",

                // base-image-tag / digest
                "base-image-tag~FROM a@sha256:abc\\nUSER 1~''",
                "base-image-tag~FROM localhost:5000/a\\nUSER 1~1",
                "base-image-tag~FROM scratch\\nUSER 1~''",
                "base-image-tag~FROM a:1 AS b\\nFROM b\\nUSER 1~''",
                "base-image-digest~FROM a:1@sha256:abc\\nFROM scratch\\nUSER 1~''",

                // healthcheck
                "healthcheck-missing~FROM a:1 AS base\\nEXPOSE 80\\nFROM base\\nUSER 1~3",
                "healthcheck-missing~FROM a:1 AS base\\nHEALTHCHECK CMD [\"x\"]\\nFROM base\\nEXPOSE 80~''",
                "healthcheck-missing~FROM a:1\\nUSER 1~''",

                // exec form and duplicates
                "exec-form~FROM a:1\\nCMD [\"a\", 'b']\\nENTRYPOINT [\"x\"]~2",
                "multiple-cmd~FROM a:1\\nCMD [\"a\"]\\nFROM b:1\\nCMD [\"b\"]~''",

                // add
                "add-local~FROM a:1\\nADD https://x/y.zip /y.zip\\nADD git@github.com:a/b.git /src\\nADD x.tgz /~''",
                "add-local~FROM a:1\\nADD x.tgz y.txt /~''",
                "add-local~FROM a:1\\nADD --chown=1 a.jar /a.jar~2",

                // sudo / cd
                "sudo~FROM a:1\\nRUN echo sudo && env FOO=1 sudo -E make~2",
                "sudo~FROM a:1\\nRUN [\"sudo\", \"x\"]~2",
                "run-cd~FROM a:1\\nRUN make -C /src && echo cd~''",
                "run-cd~FROM a:1\\nRUN <<EOF\\ncd /src\\nmake\\nEOF~2",

                // workdir
                "workdir-absolute~FROM a:1\\nWORKDIR /a\\nWORKDIR b\\nWORKDIR C:/x\\nWORKDIR \"/q\"~3",

                // copy --from
                "copy-from-stage~FROM a:1 AS one\\nFROM b:1\\nCOPY --from=ONE /a /a\\nCOPY --from=0 /a /a\\nCOPY --from=quay.io/x/y:1 /a /a~''",
                "copy-from-stage~FROM a:1\\nCOPY --from=1 /a /a\\nFROM b:1 AS two~2",
                "copy-from-stage~FROM a:1\\nCOPY --from=two /a /a\\nFROM b:1 AS two~2",

                // stage names
                "stage-name-duplicate~FROM a:1 AS x\\nFROM b:1 AS X~2",
                "stage-name-reserved~FROM a:1 AS context~1",

                // secrets
                "secret-in-env-arg~FROM a:1\\nENV GITHUB_TOKEN=ghp_abcdefghijklmnopqrstuvwxyz0123456789~2",
                "secret-in-env-arg~FROM a:1\\nENV KEY_FILE=/run/k PASSWORD_PATH=/p TOKENIZER=x MONKEY=1~''",
                "secret-in-env-arg~ARG DB_PASSWORD\\nFROM a:1~1",
                "secret-in-env-arg~FROM a:1\\nLABEL password=x~''",

                // apt / apk
                "apt-get-yes~FROM a:1\\nRUN apt-get -qy install curl=1 && apt-get --yes install b=1 && apt install -y c=1~''",
                "apt-get-yes~FROM a:1\\nRUN apt-get update && apt-get upgrade~''",
                "apt-no-recommends~FROM a:1\\nRUN apt-get install -y -o=APT::Install-Recommends=false x=1~''",
                "apt-lists-removed~FROM a:1 AS build\\nRUN apt-get install -y x\\nFROM b:1~''",
                "apt-lists-removed~FROM a:1\\nRUN --mount=type=cache,target=/var/lib/apt apt-get install -y x~''",
                "apt-lists-removed~FROM a:1\\nRUN apt-get install -y x && rm -r /var/lib/apt/lists~''",
                "apt-pinned~FROM a:1\\nRUN apt-get install -y ./local.deb -t bookworm-backports x=1~''",
                "apk-no-cache~FROM a:1\\nRUN --mount=type=cache,target=/var/cache/apk apk add x=1~''",
                "apk-pinned~FROM a:1\\nRUN apk add --no-cache -t .deps x=1 y~2",

                // consecutive run
                "consecutive-run~FROM a:1\\nRUN a\\nRUN --mount=type=cache,target=/c b\\nRUN c~''",
                "consecutive-run~FROM a:1\\nRUN a\\nFROM b:1\\nRUN b~''",

                // pipefail
                "pipefail~FROM a:1\\nRUN a || b~''",
                "pipefail~FROM a:1\\nRUN set -o pipefail && a | b~''",
                "pipefail~FROM a:1 AS base\\nSHELL [\"/bin/bash\", \"-o\", \"pipefail\", \"-c\"]\\nFROM base\\nRUN a | b~''",
                "pipefail~FROM a:1\\nRUN echo 'a | b'~''",
                "pipefail~FROM a:1\\nRUN [\"sh\", \"-c\", \"a | b\"]~''",
                "pipefail~FROM a:1\\nRUN <<EOF\\na | b\\nEOF~2",

                // expose
                "expose-port~FROM a:1\\nEXPOSE 1 65535 1000-2000/udp 80/SCTP~''",
                "expose-port~FROM a:1\\nEXPOSE 0 65536 abc~2,2,2",

                // useradd
                "useradd-high-uid~FROM a:1\\nRUN useradd --no-log-init --uid=1000000 a && useradd -lu 1000000 b~''",
                "useradd-high-uid~FROM a:1\\nRUN useradd --uid=1000000 a~2",

                // from-undefined-arg
                "from-undefined-arg~FROM ${TARGETPLATFORM:-x}/a:1\\nFROM --platform=$BUILDPLATFORM a:1\\nFROM --platform=$NOPE a:1~3",
                "from-undefined-arg~ARG A\\nFROM $A\\nARG B\\nFROM $B~4",

                // copy-context-before-deps
                "copy-context-before-deps~FROM a:1\\nCOPY . /src\\nRUN mvn -B dependency:go-offline~2",
                "copy-context-before-deps~FROM a:1\\nCOPY [\".\", \"/src\"]\\nRUN ./gradlew dependencies~2",
                "copy-context-before-deps~FROM a:1\\nCOPY pom.xml .\\nRUN mvn dependency:go-offline\\nCOPY . .\\nRUN mvn package~''",
                "copy-context-before-deps~FROM a:1\\nCOPY . .\\nRUN npm install -g pnpm~''",
                "copy-context-before-deps~FROM a:1\\nCOPY --from=b . .\\nRUN npm ci~''",

                // build tools
                "build-tools-in-final~FROM a:1 AS b\\nFROM eclipse-temurin:21-jre\\nRUN apk add --no-cache openjdk17=17 openjdk17-jre=17~3",
                "build-tools-in-final~FROM maven:3 AS b\\nRUN mvn package\\nFROM gcr.io/distroless/java21~''",
                "build-tools-in-final~FROM maven:3\\nRUN mvn package~''",
                "build-tools-in-final~FROM a:1 AS b\\nFROM golang:1.23~2",
            })
    void reportsAt(String rule, String dockerfile, String lines) {
        List<String> actual = LINTER.lint("Dockerfile", dockerfile.replace("\\n", "\n")).findings().stream()
                .filter(f -> f.rule().equals(rule))
                .map(f -> Integer.toString(f.line()))
                .collect(Collectors.toList());
        assertEquals(lines.isEmpty() ? List.of() : List.of(lines.split(",")), actual);
    }
}
