package dev.dockyard.image.maven;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

import dev.dockyard.image.engine.BuildContext;
import dev.dockyard.image.engine.BuildRequest;
import dev.dockyard.image.engine.BuildResult;
import dev.dockyard.image.engine.ByteSize;
import dev.dockyard.image.engine.Engine;
import dev.dockyard.image.engine.EngineException;
import dev.dockyard.image.engine.ImageDetails;
import dev.dockyard.image.engine.ImageReports;
import dev.dockyard.image.engine.PullPolicy;
import dev.dockyard.image.settings.ServiceSettings;

/**
 * Builds the image from the context {@code image:dockerfile} staged in {@code target/docker/}, on the Docker engine
 * found through {@code DOCKER_HOST} (or the current Docker context, or the default socket). Streams the build's
 * output, tags the image {@code <image.name>:<tag>} for every tag (plus the git commit's short id in a git
 * checkout), and writes {@code target/docker/image-id} and {@code target/image-reports/image.json}.
 *
 * @since 0.1.0
 */
@Mojo(name = "build", defaultPhase = LifecyclePhase.PACKAGE, threadSafe = true)
public class BuildMojo extends AbstractEngineMojo {

    /**
     * Builds every step anew instead of reusing the engine's cached layers of earlier builds (as
     * {@code docker build --no-cache}): for a build that must run each step, e.g. to see what it prints.
     *
     * @since 0.2.0
     */
    @Parameter(property = "image.noCache", defaultValue = "false")
    private boolean noCache;

    /**
     * When base images are pulled: {@code never} (only images already in the engine; a missing one fails the
     * build), {@code missing} (pull what the engine lacks) or {@code always} (pull on every build).
     *
     * @since 0.1.0
     */
    @Parameter(property = "image.pull", defaultValue = "missing")
    private String pull;

    /**
     * Build arguments, each {@code NAME=value} ({@code docker build --build-arg}). On the command line,
     * comma-separated: {@code -Dimage.buildArgs=HTTP_PROXY=http://proxy:3128,VERSION=1}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "image.buildArgs")
    private List<String> buildArgs = new ArrayList<>();

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skipped("build")) {
            return;
        }
        Path context = outputDirectory.toPath();
        if (!Files.isRegularFile(context.resolve("Dockerfile"))) {
            throw new MojoFailureException("No Dockerfile in " + relative(context) + ": run image:dockerfile"
                    + " before image:build (declare the goals in that order in the same phase, or run mvn package).");
        }
        BuildRequest request = new BuildRequest(context, "Dockerfile", references(), buildArgs(), Map.of(),
                pullPolicy(), workDirectory.toPath(), noCache);
        try (Engine engine = connect()) {
            BuildContext files = BuildContext.scan(context, request.dockerfile());
            getLog().info("Building image " + request.tags().get(0) + " on " + engine.address().host() + " (engine "
                    + engine.version() + ", pull " + request.pull() + ")");
            getLog().info("Sending build context " + relative(context) + ": " + files.paths().size() + " files, "
                    + ByteSize.format(files.bytes()));
            BuildResult result = engine.build(request, files);
            ImageDetails image = engine.inspect(result.imageId());
            Files.writeString(imageIdFile(), result.imageId() + "\n", StandardCharsets.UTF_8);
            Path json = reportsDirectory.toPath().resolve("image.json");
            ImageReports.writeJson(ImageReports.describe(image), json);
            getLog().info("Built image " + image.shortId() + " (" + ByteSize.format(image.size()) + ", "
                    + image.layers().size() + " steps), tagged " + String.join(", ", result.tags()));
            getLog().info("Wrote " + relative(imageIdFile()) + " and " + relative(json));
        } catch (EngineException e) {
            rethrow(e);
        } catch (IOException e) {
            throw new MojoExecutionException("Could not build the image of " + project.getArtifactId() + ": "
                    + e.getMessage(), e);
        }
    }

    private Map<String, String> buildArgs() throws MojoFailureException {
        try {
            return ServiceSettings.buildArgs(buildArgs);
        } catch (IllegalArgumentException e) {
            throw new MojoFailureException(e.getMessage());
        }
    }

    private PullPolicy pullPolicy() throws MojoFailureException {
        try {
            return PullPolicy.parse(pull);
        } catch (IllegalArgumentException e) {
            throw new MojoFailureException("image.pull: " + e.getMessage());
        }
    }
}
