package dev.dockyard.image.render;

import dev.dockyard.image.stage.ArtifactInput;
import dev.dockyard.image.stage.JarLayouts;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Everything {@link DockerfileRenderer} needs to render one module's Dockerfile and stage its build context.
 *
 * @param project the Maven project's description
 * @param image how the image should look
 * @param health the health check, or {@code null} for none
 * @param jvm how the JVM starts
 * @param builderImage base image of the builder stage (a JDK)
 * @param runtimeImage base image of the final stage
 * @param template which template to render
 * @param applicationJar the module's own jar (for a Quarkus fast-jar, its {@code quarkus-run.jar} will do)
 * @param artifacts runtime dependencies, each with its layer
 * @param outputDirectory the build context directory ({@code target/docker}); cleared of stale layers
 * @param workDirectory a directory for caches that must not be part of the context
 * @param outputTimestamp timestamp of staged files and the {@code created} label; {@code null} when not set
 * @param gitRevision the commit the project is built from, or {@code null} outside a git checkout
 * @param dockyardVersion version of the plugin, for the generated-by header
 * @param layout {@code image.layout}: {@code auto} (recognise the jar), {@code plain} or {@code shaded}
 */
public record RenderRequest(
        ProjectInfo project,
        ImageSettings image,
        HealthSettings health,
        JvmSettings jvm,
        String builderImage,
        String runtimeImage,
        TemplateSource template,
        Path applicationJar,
        List<ArtifactInput> artifacts,
        Path outputDirectory,
        Path workDirectory,
        Instant outputTimestamp,
        String gitRevision,
        String dockyardVersion,
        String layout) {

    public RenderRequest {
        Objects.requireNonNull(project, "project");
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(jvm, "jvm");
        Objects.requireNonNull(template, "template");
        Objects.requireNonNull(applicationJar, "applicationJar");
        Objects.requireNonNull(outputDirectory, "outputDirectory");
        Objects.requireNonNull(workDirectory, "workDirectory");
        artifacts = List.copyOf(artifacts);
        layout = layout == null || layout.isBlank() ? JarLayouts.AUTO : layout.strip();
    }

    /** A request that recognises the jar's layout ({@code image.layout=auto}). */
    public RenderRequest(
            ProjectInfo project,
            ImageSettings image,
            HealthSettings health,
            JvmSettings jvm,
            String builderImage,
            String runtimeImage,
            TemplateSource template,
            Path applicationJar,
            List<ArtifactInput> artifacts,
            Path outputDirectory,
            Path workDirectory,
            Instant outputTimestamp,
            String gitRevision,
            String dockyardVersion) {
        this(
                project,
                image,
                health,
                jvm,
                builderImage,
                runtimeImage,
                template,
                applicationJar,
                artifacts,
                outputDirectory,
                workDirectory,
                outputTimestamp,
                gitRevision,
                dockyardVersion,
                JarLayouts.AUTO);
    }

    /** This request with other image settings. */
    public RenderRequest withImage(ImageSettings image) {
        return new RenderRequest(
                project,
                image,
                health,
                jvm,
                builderImage,
                runtimeImage,
                template,
                applicationJar,
                artifacts,
                outputDirectory,
                workDirectory,
                outputTimestamp,
                gitRevision,
                dockyardVersion,
                layout);
    }

    /** This request with another health check ({@code null}: none). */
    public RenderRequest withHealth(HealthSettings health) {
        return new RenderRequest(
                project,
                image,
                health,
                jvm,
                builderImage,
                runtimeImage,
                template,
                applicationJar,
                artifacts,
                outputDirectory,
                workDirectory,
                outputTimestamp,
                gitRevision,
                dockyardVersion,
                layout);
    }

    /** This request with other JVM settings. */
    public RenderRequest withJvm(JvmSettings jvm) {
        return new RenderRequest(
                project,
                image,
                health,
                jvm,
                builderImage,
                runtimeImage,
                template,
                applicationJar,
                artifacts,
                outputDirectory,
                workDirectory,
                outputTimestamp,
                gitRevision,
                dockyardVersion,
                layout);
    }

    /** This request with other base images. */
    public RenderRequest withBases(String builderImage, String runtimeImage) {
        return new RenderRequest(
                project,
                image,
                health,
                jvm,
                builderImage,
                runtimeImage,
                template,
                applicationJar,
                artifacts,
                outputDirectory,
                workDirectory,
                outputTimestamp,
                gitRevision,
                dockyardVersion,
                layout);
    }
}
