package dev.dockyard.image.dockerfile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The base images a Dockerfile's {@code FROM} lines name, read by the {@link DockerfileParser}: {@code ARG}
 * defaults and build arguments resolved ({@code ARG BASE=eclipse-temurin:17-jdk}, {@code FROM ${BASE} AS build}),
 * stages built earlier in the file and {@code scratch} left out.
 */
public final class BaseImages {

    private BaseImages() {}

    /**
     * The base images of the Dockerfile in {@code file}.
     *
     * @return the images, none when there is no such file
     * @throws IOException               when the file cannot be read
     * @throws DockerfileSyntaxException when it does not parse
     */
    public static List<String> ofFile(Path file, Map<String, String> buildArgs)
            throws IOException, DockerfileSyntaxException {
        if (!Files.isRegularFile(file)) {
            return List.of();
        }
        return of(file.toString(), DockerfileParser.read(file, file.toString()), buildArgs);
    }

    /**
     * @param path      the Dockerfile's path, for the error message
     * @param content   the Dockerfile
     * @param buildArgs the build arguments ({@code --build-arg}), which override {@code ARG} defaults
     * @return each base image once, in order; an image whose name uses an argument without a value is left out
     * @throws DockerfileSyntaxException when the Dockerfile does not parse
     */
    public static List<String> of(String path, String content, Map<String, String> buildArgs)
            throws DockerfileSyntaxException {
        Dockerfile dockerfile = DockerfileParser.parse(path, content, buildArgs);
        Set<String> images = new LinkedHashSet<>();
        for (Stage stage : dockerfile.stages()) {
            ImageRef base = stage.baseImage();
            if (base != null && !base.isScratch()) {
                images.add(stage.baseName());
            }
        }
        return List.copyOf(images);
    }
}
