package dev.dockyard.image.maven;

import static dev.dockyard.image.maven.ImageParameters.*;

import dev.dockyard.image.assemble.Assembly;
import dev.dockyard.image.build.ImageBuild;
import dev.dockyard.image.build.ImageSbom;
import dev.dockyard.image.engine.BuildRequest;
import dev.dockyard.image.engine.Engine;
import dev.dockyard.image.engine.EngineException;
import dev.dockyard.image.engine.PullPolicy;
import dev.dockyard.image.render.DockerfileRenderer;
import dev.dockyard.image.render.RenderResult;
import dev.dockyard.image.sbom.SbomRequest;
import dev.dockyard.image.support.ModuleLock;
import dev.dockyard.image.support.UserFixableException;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.inject.Inject;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * Builds the image from the context {@code image:dockerfile} staged in {@code target/docker/}, on the Docker engine
 * found through {@code DOCKER_HOST} (or the current Docker context, or the default socket). Streams the build's
 * output, tags the image {@code <image.name>:<tag>} for every tag (plus the git commit's short id in a git
 * checkout), and writes {@code target/docker/image-id} and {@code target/image-reports/image.json}.
 *
 * @since 0.1.0
 */
@Mojo(
        name = "build",
        defaultPhase = LifecyclePhase.PACKAGE,
        threadSafe = true,
        requiresDependencyResolution = ResolutionScope.RUNTIME)
public class BuildMojo extends AbstractEngineMojo {

    /**
     * Directory for intermediate files that are not part of the build context, such as the context tar sent to the
     * engine.
     *
     * @since 0.1.0
     */
    @Parameter(property = WORK_DIRECTORY, defaultValue = WORK_DIRECTORY_DEFAULT)
    private File workDirectory;

    /**
     * Builds every step anew instead of reusing the engine's cached layers of earlier builds (as
     * {@code docker build --no-cache}): for a build that must run each step, e.g. to see what it prints.
     *
     * @since 0.2.0
     */
    @Parameter(property = NO_CACHE, defaultValue = NO_CACHE_DEFAULT)
    private String noCache;

    /**
     * When base images are pulled: {@code never} (only images already in the engine; a missing one fails the
     * build), {@code missing} (pull what the engine lacks) or {@code always} (pull on every build).
     *
     * @since 0.1.0
     */
    @Parameter(property = PULL, defaultValue = PULL_DEFAULT)
    private String pull;

    /**
     * Build arguments, each {@code NAME=value} ({@code docker build --build-arg}). On the command line,
     * comma-separated: {@code -Dimage.buildArgs=HTTP_PROXY=http://proxy:3128,VERSION=1}.
     *
     * @since 0.1.0
     */
    @Parameter(property = BUILD_ARGS)
    private List<String> buildArgs = new ArrayList<>();

    /**
     * Who makes the final stage: {@code auto} (Dockyard assembles it itself when it holds only {@code COPY} and
     * configuration instructions, so that the same sources give the same image id on any engine, and the engine
     * builds it otherwise, saying why in one line) or {@code engine} (the engine builds every stage, as
     * {@code docker build} does). Earlier stages, such as the one that runs jlink, always build on the engine.
     *
     * @since 0.3.0
     */
    @Parameter(property = ASSEMBLER, defaultValue = ASSEMBLER_DEFAULT)
    private String assembler;

    /**
     * {@code reactor} when the services link one runtime for the whole reactor (as {@code image:dockerfile} reads
     * it): their earlier stages then build one module at a time, so that the engine links the runtime once and the
     * other services take it from its cache; {@code module} builds them at once.
     *
     * @since 0.4.0
     */
    @Parameter(property = RUNTIME, defaultValue = RUNTIME_DEFAULT)
    private String runtime;

    private final ReactorRuntimes reactorRuntimes;

    @Inject
    public BuildMojo(ReactorRuntimes reactorRuntimes) {
        this.reactorRuntimes = reactorRuntimes;
    }

    /**
     * Puts the image's SBOM into it: the CycloneDX document of image:sbom completed with the Debian packages the
     * builder stage copied, as {@code /usr/share/dockyard/sbom.cdx.json} in a last layer of its own, its path in the
     * label {@code dev.dockyard.sbom}; also written to {@code target/image-reports/sbom.cdx.json}. {@code false}
     * leaves it out.
     *
     * @since 0.3.0
     */
    @Parameter(property = SBOM_EMBED, defaultValue = SBOM_EMBED_DEFAULT)
    private String embedSbom;

    /**
     * The template, as for image:dockerfile: it decides the default runtime image the SBOM names.
     *
     * @since 0.3.0
     */
    @Parameter(property = TEMPLATE, defaultValue = TEMPLATE_DEFAULT)
    private String template;

    /**
     * Base image of the builder stage, as for image:dockerfile: the JDK the SBOM names.
     *
     * @since 0.3.0
     */
    @Parameter(property = BUILDER_IMAGE)
    private String builderImage;

    /**
     * Base image of the final stage, as for image:dockerfile: the base image the SBOM names.
     *
     * @since 0.3.0
     */
    @Parameter(property = RUNTIME_IMAGE)
    private String runtimeImage;

    /**
     * Working directory of the service in the image, as for image:dockerfile: the paths of the jars the SBOM lists.
     *
     * @since 0.3.0
     */
    @Parameter(property = WORKDIR, defaultValue = WORKDIR_DEFAULT)
    private String workdir;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skipped("build")) {
            return;
        }
        try (ModuleLock held = lockModule()) {
            BuildRequest request = new BuildRequest(
                    outputDirectory.toPath(),
                    "Dockerfile",
                    references(),
                    buildArgs(buildArgs),
                    Map.of(),
                    pullPolicy(),
                    workDirectory.toPath(),
                    flag(noCache, "noCache"));
            try {
                ImageBuild build = ImageBuild.prepare(
                        request, builtImageRecord(), project.getBasedir().toPath(), assembly());
                ImageSbom sbom = sbom();
                if (sbom != null) {
                    build.withSbom(sbom);
                }
                try (Engine engine = connect(engineTimeout)) {
                    build.run(engine, engineLog());
                }
            } catch (EngineException e) {
                rethrow(e);
            } catch (IOException e) {
                throw new MojoExecutionException(
                        "Could not build the image of " + project.getArtifactId() + ": " + e.getMessage(), e);
            }
        }
    }

    /** The SBOM the image gets, or {@code null} when {@code image.sbom.embed=false} or nothing was rendered. */
    private ImageSbom sbom() throws MojoFailureException, IOException {
        if (!flag(embedSbom, "embedSbom")) {
            return null;
        }
        Optional<RenderResult> render = RenderResult.last(workDirectory.toPath(), outputDirectory.toPath());
        if (render.isEmpty()) {
            getLog().info("No SBOM in the image: image:dockerfile did not stage " + outputDirectory.getName());
            return null;
        }
        SbomRequest request = SbomRequests.engineFree(
                project,
                session,
                render.get(),
                imageName(imageName),
                ServiceSettings.trimmed(tags),
                bases(builderImage, runtimeImage, template),
                workdir);
        return new ImageSbom(
                request,
                Path.of(project.getBuild().getDirectory()).resolve(SbomMojo.SBOM_FILE),
                workDirectory.toPath(),
                reproducibleTime());
    }

    private Assembly assembly() throws MojoFailureException {
        String value = oneOf(
                assembler,
                "assembler",
                "an assembler",
                "auto: Dockyard assembles the final stage when it can",
                "engine: the engine builds every stage");
        Object stages = reactorRuntime(runtime) ? reactorRuntimes.stages(session) : null;
        if (value.equals("engine")) {
            return new Assembly(false, Instant.EPOCH, stages);
        }
        return new Assembly(true, reproducibleTime(), stages);
    }

    /**
     * The time of an assembled image: {@code project.build.outputTimestamp}, else {@code SOURCE_DATE_EPOCH}, else
     * the fixed time staged files carry.
     */
    private Instant reproducibleTime() throws MojoFailureException {
        Optional<Instant> timestamp = new MavenProjectAdapter(project, session).outputTimestamp();
        if (timestamp.isPresent()) {
            return timestamp.get();
        }
        String epoch = System.getenv("SOURCE_DATE_EPOCH");
        if (epoch != null && epoch.strip().matches("[0-9]{1,12}")) {
            return Instant.ofEpochSecond(Long.parseLong(epoch.strip()));
        }
        return DockerfileRenderer.DEFAULT_TIMESTAMP;
    }

    private PullPolicy pullPolicy() throws MojoFailureException {
        try {
            return PullPolicy.parse(pull);
        } catch (UserFixableException e) {
            throw failure(e.in("pull"));
        }
    }
}
