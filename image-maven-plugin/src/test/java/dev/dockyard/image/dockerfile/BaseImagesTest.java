package dev.dockyard.image.dockerfile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BaseImagesTest {

    private static List<String> of(String dockerfile, Map<String, String> buildArgs) throws Exception {
        return BaseImages.of("Dockerfile", dockerfile, buildArgs);
    }

    @Test
    void baseImagesWithoutStagesOrScratch() throws Exception {
        String dockerfile = String.join(
                "\n",
                "# syntax comment",
                "FROM --platform=linux/amd64 eclipse-temurin:17-jdk AS jlink",
                "RUN jlink --output /jre",
                "FROM jlink AS extra",
                "FROM scratch AS empty",
                "FROM \\",
                "    registry.example.com/base/runtime:1.2@sha256:abc",
                "COPY --from=jlink /jre /opt/java",
                "FROM eclipse-temurin:17-jdk",
                "");
        assertEquals(
                List.of("eclipse-temurin:17-jdk", "registry.example.com/base/runtime:1.2@sha256:abc"),
                of(dockerfile, Map.of()));
    }

    @Test
    void argumentDefaultsBeforeTheFirstFromNameTheBase() throws Exception {
        String dockerfile = "ARG BASE=eclipse-temurin:17-jdk\nARG RUNTIME=debian\nARG TAG=bookworm-slim\n"
                + "FROM ${BASE} AS build\nRUN true\nFROM $RUNTIME:${TAG}\nCOPY --from=build /a /a\n";
        assertEquals(List.of("eclipse-temurin:17-jdk", "debian:bookworm-slim"), of(dockerfile, Map.of()));
    }

    @Test
    void buildArgumentsOverrideTheDefaults() throws Exception {
        String dockerfile =
                "ARG BASE=eclipse-temurin:17-jdk\nARG RUNTIME\nFROM ${BASE} AS build\n" + "FROM ${RUNTIME}\n";
        assertEquals(
                List.of("eclipse-temurin:17-jdk"),
                of(dockerfile, Map.of()),
                "an argument without a value is known only at build time");
        assertEquals(
                List.of("eclipse-temurin:25-jdk", "debian:bookworm-slim"),
                of(dockerfile, Map.of("BASE", "eclipse-temurin:25-jdk", "RUNTIME", "debian:bookworm-slim")));
        assertEquals(
                List.of("eclipse-temurin:17-jdk"),
                of(dockerfile, Map.of("OTHER", "x")),
                "a build argument no ARG declares is not seen");
    }

    @Test
    void aStageNamedByAnArgumentIsNotABaseImage() throws Exception {
        String dockerfile = "ARG FROM_STAGE=builder\nFROM eclipse-temurin:17-jdk AS builder\n"
                + "FROM ${FROM_STAGE} AS test\nFROM Builder\n";
        assertEquals(List.of("eclipse-temurin:17-jdk"), of(dockerfile, Map.of()));
    }

    @Test
    void aMissingFileHasNoBaseImagesAndABadOneIsNamed(@TempDir Path dir) throws Exception {
        assertEquals(List.of(), BaseImages.ofFile(dir.resolve("Dockerfile"), Map.of()));
        DockerfileSyntaxException e = assertThrows(DockerfileSyntaxException.class, () -> of("RUN true\n", Map.of()));
        assertEquals("Dockerfile:1:1 RUN before the first FROM: only ARG may precede FROM", e.getMessage());
    }
}
