package dev.dockyard.image.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

class BaseImagesTest {

    @Test
    void baseImagesWithoutStagesScratchOrArguments() {
        List<String> dockerfile = List.of(
                "# syntax comment",
                "ARG BASE=debian:bookworm-slim",
                "FROM --platform=linux/amd64 eclipse-temurin:17-jdk AS jlink",
                "RUN jlink --output /jre",
                "FROM jlink AS extra",
                "FROM scratch AS empty",
                "from ${BASE}",
                "FROM \\",
                "    registry.example.com/base/runtime:1.2@sha256:abc",
                "COPY --from=jlink /jre /opt/java",
                "FROM eclipse-temurin:17-jdk");
        assertEquals(List.of("eclipse-temurin:17-jdk", "registry.example.com/base/runtime:1.2@sha256:abc"),
                BaseImages.of(dockerfile));
    }
}
