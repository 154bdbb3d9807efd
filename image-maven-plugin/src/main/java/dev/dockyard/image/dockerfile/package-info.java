/**
 * Dockerfile parser: {@link dev.dockyard.image.dockerfile.DockerfileParser#parse(String, String)} turns text into a
 * {@link dev.dockyard.image.dockerfile.Dockerfile} (directives, comments, instructions with line and column, stages
 * and their dependencies) or a positioned {@link dev.dockyard.image.dockerfile.DockerfileSyntaxException}.
 * Independent of Maven.
 */
package dev.dockyard.image.dockerfile;
