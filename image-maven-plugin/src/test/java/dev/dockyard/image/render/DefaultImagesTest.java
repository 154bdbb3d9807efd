package dev.dockyard.image.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class DefaultImagesTest {

    @Test
    void followTheModulesJavaReleaseButNeverBelow17() {
        assertEquals(21, DefaultImages.release("21", null));
        assertEquals(21, DefaultImages.release(null, "21"));
        assertEquals(17, DefaultImages.release(null, "1.8"));
        assertEquals(17, DefaultImages.release("${java.version}", null));
        assertEquals(17, DefaultImages.release(null, null));
    }

    @Test
    void pickAJdkBuilderAndATemplateSpecificRuntime() {
        assertEquals("eclipse-temurin:21-jdk", DefaultImages.builder(21));
        assertEquals("scratch", DefaultImages.runtime("java-service", 21));
        assertEquals("debian:bookworm-slim", DefaultImages.runtime("java-service-debian", 21));
        assertEquals("debian:bookworm-slim", DefaultImages.runtime("src/main/docker/custom.ftl", 21));
        assertEquals("eclipse-temurin:21-jre", DefaultImages.runtime("java-service-jre", 21));
    }

    @Test
    void theBuilderReleaseIsTheJdkImagesTagOrTheProjects() {
        assertEquals(21, DefaultImages.builderRelease("eclipse-temurin:21-jdk", 17));
        assertEquals(
                25,
                DefaultImages.builderRelease("registry.example.com/mirror/eclipse-temurin:25.0.1_8-jdk@sha256:ab", 17));
        assertEquals(17, DefaultImages.builderRelease("openjdk:17", 21));
        assertEquals(21, DefaultImages.builderRelease("registry.example.com/build/jdk-custom:3", 21));
        assertEquals(17, DefaultImages.builderRelease("eclipse-temurin:latest", 17));
    }

    @Test
    void theImagesSetWinElseTheDefaultsOfTheTemplateAndRelease() {
        assertEquals(
                new DefaultImages.Bases("eclipse-temurin:21-jdk", "eclipse-temurin:21-jre", 21),
                DefaultImages.bases(null, " ", " java-service-jre ", 21));
        assertEquals(
                new DefaultImages.Bases("eclipse-temurin:25-jdk", "debian:trixie-slim", 25),
                DefaultImages.bases(" eclipse-temurin:25-jdk ", "debian:trixie-slim\n", "java-service", 17));
    }
}
