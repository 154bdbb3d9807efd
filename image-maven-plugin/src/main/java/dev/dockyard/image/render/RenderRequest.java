package dev.dockyard.image.render;

import dev.dockyard.image.stage.ArtifactInput;
import dev.dockyard.image.stage.JarLayouts;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

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

    /** This request with other image settings. */
    public RenderRequest withImage(ImageSettings image) {
        return with(copy -> copy.image = image);
    }

    /** This request with another health check ({@code null}: none). */
    public RenderRequest withHealth(HealthSettings health) {
        return with(copy -> copy.health = health);
    }

    /** This request with other JVM settings. */
    public RenderRequest withJvm(JvmSettings jvm) {
        return with(copy -> copy.jvm = jvm);
    }

    /** This request with other base images. */
    public RenderRequest withBases(String builderImage, String runtimeImage) {
        return with(copy -> {
            copy.builderImage = builderImage;
            copy.runtimeImage = runtimeImage;
        });
    }

    /** This request with the fields {@code change} sets on a copy of it; the canonical constructor checks the result. */
    RenderRequest with(Consumer<Copy> change) {
        Copy copy = new Copy(this);
        change.accept(copy);
        return copy.request();
    }

    /** The fields of a request, to change some of them: the one place that lists them besides the record itself. */
    static final class Copy {
        ProjectInfo project;
        ImageSettings image;
        HealthSettings health;
        JvmSettings jvm;
        String builderImage;
        String runtimeImage;
        TemplateSource template;
        Path applicationJar;
        List<ArtifactInput> artifacts;
        Path outputDirectory;
        Path workDirectory;
        Instant outputTimestamp;
        String gitRevision;
        String dockyardVersion;
        String layout;

        private Copy(RenderRequest r) {
            project = r.project;
            image = r.image;
            health = r.health;
            jvm = r.jvm;
            builderImage = r.builderImage;
            runtimeImage = r.runtimeImage;
            template = r.template;
            applicationJar = r.applicationJar;
            artifacts = r.artifacts;
            outputDirectory = r.outputDirectory;
            workDirectory = r.workDirectory;
            outputTimestamp = r.outputTimestamp;
            gitRevision = r.gitRevision;
            dockyardVersion = r.dockyardVersion;
            layout = r.layout;
        }

        private RenderRequest request() {
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
}
