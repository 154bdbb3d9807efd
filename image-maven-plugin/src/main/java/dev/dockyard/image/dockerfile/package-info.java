/**
 * Dockerfile parser: {@link dev.dockyard.image.dockerfile.DockerfileParser#parse(String, String)} turns text into a
 * {@link dev.dockyard.image.dockerfile.Dockerfile} (directives, comments, instructions with line and column, stages
 * and their dependencies) or a positioned {@link dev.dockyard.image.dockerfile.DockerfileSyntaxException}; and the
 * queries over a parsed file, such as the external base images a build needs
 * ({@link dev.dockyard.image.dockerfile.BaseImages}). Independent of Maven and of the engine.
 */
package dev.dockyard.image.dockerfile;
