package dev.dockyard.image.maven;

import static dev.dockyard.image.maven.ImageParameters.*;

import dev.dockyard.image.assemble.AssembledImage;
import dev.dockyard.image.assemble.Assembly;
import dev.dockyard.image.assemble.PlatformImages;
import dev.dockyard.image.assemble.StageSource;
import dev.dockyard.image.build.ImageBuild;
import dev.dockyard.image.build.ImageSbom;
import dev.dockyard.image.dockerfile.ImageRef;
import dev.dockyard.image.engine.BuildRequest;
import dev.dockyard.image.engine.Engine;
import dev.dockyard.image.engine.EngineException;
import dev.dockyard.image.engine.PullPolicy;
import dev.dockyard.image.host.HostRecipe;
import dev.dockyard.image.host.HostStages;
import dev.dockyard.image.push.PushResult;
import dev.dockyard.image.push.RegistryPush;
import dev.dockyard.image.registry.ImagePull;
import dev.dockyard.image.registry.RegistryClient;
import dev.dockyard.image.render.DockerfileRenderer;
import dev.dockyard.image.render.RenderResult;
import dev.dockyard.image.save.ArchiveRequest;
import dev.dockyard.image.save.ArchiveResult;
import dev.dockyard.image.save.ArchiveSource;
import dev.dockyard.image.save.ImageArchive;
import dev.dockyard.image.sbom.SbomRequest;
import dev.dockyard.image.support.ModuleLock;
import dev.dockyard.image.support.UserFixableException;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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
import org.apache.maven.settings.crypto.SettingsDecrypter;
import org.apache.maven.toolchain.Toolchain;
import org.apache.maven.toolchain.ToolchainManager;

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
public class BuildMojo extends AbstractRegistryMojo {

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

    /**
     * What makes the earlier stages (the one that links the runtime): {@code engine} (the Docker engine runs them)
     * or {@code host}: this machine, with no engine at all. jlink then runs with the JDK of Maven's toolchain for the
     * builder image's Java release ({@code toolchains.xml}, type {@code jdk}, as maven-toolchains-plugin reads it;
     * the JDK running Maven when its release matches), and the C libraries the runtime loads, with their package
     * entries, come from the builder image's layers, read through the registry client. Takes the bundled template
     * {@code java-service}; the same JDK build gives the same image as the engine.
     *
     * @since 0.5.0
     */
    @Parameter(property = BUILDER, defaultValue = BUILDER_DEFAULT)
    private String builder;

    /**
     * Where the built image goes: {@code engine} (loaded into the Docker engine, tagged), {@code registry} (pushed
     * by the registry client to the registry of {@code image.name}, every tag, no engine needed; image:push then has
     * nothing left to do) or {@code archive} (saved where image:save saves it, {@code target/<name>-<version>.tar.gz}
     * with its checksum and metadata, no engine needed; for an image on {@code scratch}, as the template
     * {@code java-service} builds).
     *
     * @since 0.5.0
     */
    @Parameter(property = BUILD_TO, defaultValue = BUILD_TO_DEFAULT)
    private String buildTo;

    /**
     * The platforms to build the image for, comma-separated {@code os/architecture[/variant]}, e.g.
     * {@code linux/amd64,linux/arm64}; empty (the default) for the engine's platform (this machine's with no engine),
     * as a single image. With platforms, each gets its own image: its runtime linked on this machine by jlink from that
     * platform's jmods in the builder image (not under emulation: jlink is Java, the native code it copies is the
     * target's), its C libraries and package entries read from the builder image for that platform through the
     * registry client, its own SBOM; the application layers are the same blobs in every one. The builder image must be
     * served by its registry as an index with every platform. {@code image.buildTo=engine} loads the image of the
     * engine's platform; {@code registry} (and image:push) pushes an index of them all; {@code archive} and image:save
     * write an OCI layout holding them all. Takes the bundled template {@code java-service}, as
     * {@code image.builder=host} does.
     *
     * @since 0.6.0
     */
    @Parameter(property = PLATFORMS)
    private String platforms;

    /**
     * A registry that mirrors Docker Hub ({@code host[:port]}, e.g. a pull-through cache): where
     * {@code image.builder=host} and {@code image.platforms} read base and builder images that name no registry
     * ({@code eclipse-temurin:17-jdk} is read as {@code <mirror>/library/eclipse-temurin:17-jdk}), with that
     * registry's credentials. Images of other registries are read from their own. The engine's builds use the
     * engine's own mirror configuration.
     *
     * @since 0.6.0
     */
    @Parameter(property = REGISTRY_MIRROR)
    private String registryMirror;

    /**
     * The format of the archive {@code image.buildTo=archive} writes, as for image:save: {@code docker} or
     * {@code oci}.
     *
     * @since 0.5.0
     */
    @Parameter(property = ARCHIVE_FORMAT, defaultValue = ARCHIVE_FORMAT_DEFAULT)
    private String archiveFormat;

    /**
     * Where {@code image.builder=host} keeps the blobs it reads from registries and the builder images unpacked from
     * them, between builds (content-addressed, checked against their digests).
     *
     * @since 0.5.0
     */
    @Parameter(property = BASE_IMAGE_CACHE, defaultValue = BASE_IMAGE_CACHE_DEFAULT)
    private File baseImageCache;

    private final ReactorRuntimes reactorRuntimes;
    private final ToolchainManager toolchains;

    @Inject
    public BuildMojo(ReactorRuntimes reactorRuntimes, SettingsDecrypter decrypter, ToolchainManager toolchains) {
        super(decrypter);
        this.reactorRuntimes = reactorRuntimes;
        this.toolchains = toolchains;
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
                String by = builder();
                String to = buildTo();
                List<String> targets = platforms(platforms, "platforms", PLATFORMS);
                if (!targets.isEmpty()) {
                    buildPlatforms(build, targets, to, request);
                } else if (by.equals("engine") && to.equals("engine")) {
                    try (Engine engine = connect(engineTimeout)) {
                        build.run(engine, engineLog());
                    }
                } else {
                    buildWithout(build, by, to, request);
                }
            } catch (EngineException e) {
                rethrow(e);
            } catch (IOException e) {
                throw new MojoExecutionException(
                        "Could not build the image of " + project.getArtifactId() + ": " + e.getMessage(), e);
            }
        }
    }

    private String builder() throws MojoFailureException {
        return oneOf(
                builder,
                "builder",
                "a builder",
                "engine: the Docker engine runs the earlier stages",
                "host: this machine makes them, no engine");
    }

    private String buildTo() throws MojoFailureException {
        return oneOf(
                buildTo,
                "buildTo",
                "where the image goes",
                "engine: loaded into the Docker engine",
                "registry: pushed by the registry client, no engine",
                "archive: saved as image:save saves, no engine");
    }

    /**
     * The build that needs no engine at some end: the earlier stages made on this machine, or the image pushed
     * instead of loaded.
     */
    private void buildWithout(ImageBuild build, String by, String to, BuildRequest request)
            throws MojoExecutionException, MojoFailureException, EngineException, IOException {
        Engine engine = null;
        try {
            if (by.equals("engine") || to.equals("engine")) {
                engine = connect(engineTimeout);
            }
            StageSource source;
            String where;
            if (by.equals("host")) {
                HostRecipe recipe = HostRecipe.read(workDirectory.toPath())
                        .orElseThrow(() -> new MojoFailureException("No image:dockerfile output in " + workDirectory
                                + ": run image:dockerfile before image:build (mvn package runs both)."));
                HostStages.check(recipe);
                source = new HostStages(
                        recipe, this::jdk, this::pull, baseImageCache.toPath(), workDirectory.toPath(), engineLog());
                where = "this machine";
            } else {
                source = build.engineStages(engine, engineLog());
                where = "the engine at " + engine.address().host();
            }
            AssembledImage image = build.runWith(source, to.equals("engine") ? engine : null, engineLog(), where);
            deliver(to, push -> push.push(image, request.tags(), registryServerId(), workDirectory.toPath()));
        } finally {
            if (engine != null) {
                engine.close();
            }
        }
    }

    /** {@code image.platforms}: one image per platform, each platform's earlier stages made on this machine. */
    private void buildPlatforms(ImageBuild build, List<String> targets, String to, BuildRequest request)
            throws MojoExecutionException, MojoFailureException, EngineException, IOException {
        HostRecipe recipe = HostRecipe.read(workDirectory.toPath())
                .orElseThrow(() -> new MojoFailureException("No image:dockerfile output in " + workDirectory
                        + ": run image:dockerfile before image:build (mvn package runs both)."));
        HostStages.checkPlatforms(recipe);
        getLog().info("Building for " + String.join(", ", targets) + " (" + PLATFORMS + "): each platform's earlier"
                + " stages are made on this machine, as " + BUILDER + "=host makes them");
        Engine engine = null;
        try {
            String own = HostStages.hostPlatform();
            if (to.equals("engine")) {
                engine = connect(engineTimeout);
                own = engine.platform();
            }
            Map<String, StageSource> sources = new LinkedHashMap<>();
            Map<String, ImageSbom> sboms = new LinkedHashMap<>();
            String main = targets.contains(own) ? own : targets.get(0);
            for (String platform : targets) {
                Path directory = PlatformImages.directory(workDirectory.toPath(), platform);
                sources.put(
                        platform,
                        new HostStages(
                                recipe,
                                platform,
                                this::jdk,
                                this::pull,
                                baseImageCache.toPath(),
                                directory,
                                engineLog()));
                // the main platform's document and packages where image:sbom reads them, the others beside
                boolean first = platform.equals(main);
                String file = first
                        ? SbomMojo.SBOM_FILE
                        : SbomMojo.SBOM_FILE.replace(".cdx.json", "-" + platform.replace('/', '-') + ".cdx.json");
                ImageSbom document = sbom(file, first ? workDirectory.toPath() : directory);
                if (document != null) {
                    sboms.put(platform, document);
                }
            }
            var images = build.runPlatforms(sources, sboms, engine, own, engineLog());
            deliver(to, push -> push.pushIndex(images, request.tags(), registryServerId(), workDirectory.toPath()));
        } finally {
            if (engine != null) {
                engine.close();
            }
        }
    }

    /** One push by the registry client. */
    private interface Pushing {
        PushResult push(RegistryPush push) throws EngineException, IOException;
    }

    /** Where the image goes without the engine: {@code registry} pushes it ({@code pushing}), {@code archive} saves it. */
    private void deliver(String to, Pushing pushing)
            throws MojoExecutionException, MojoFailureException, EngineException, IOException {
        if (to.equals("registry")) {
            recordPush(pushing.push(registryPush()));
        } else if (to.equals("archive")) {
            saveArchive();
        }
    }

    /** {@code image.buildTo=archive}: the assembled image saved where image:save saves it, without the engine. */
    private void saveArchive() throws MojoExecutionException, MojoFailureException, EngineException, IOException {
        Optional<ArchiveSource> source = assembledSource(workDirectory.toPath());
        String name = imageName(imageName).strip();
        ArchiveRequest request = new ArchiveRequest(
                builtImage(),
                name,
                project.getVersion(),
                savedArchive(name),
                false,
                new MavenProjectAdapter(project, session).gitRevision().orElse(null),
                baseImages(buildArgs),
                project.getGroupId() + ":" + project.getArtifactId(),
                oci(archiveFormat));
        Optional<ArchiveResult> platforms = savePlatforms(request, workDirectory.toPath());
        if (platforms.isPresent()) {
            logSaved(platforms.get());
            return;
        }
        if (source.isEmpty()) {
            throw new MojoFailureException("Invalid <buildTo>/" + BUILD_TO + ": archive saves an image whose every"
                    + " layer Dockyard wrote (the template java-service, on scratch), and this one builds on a base"
                    + " image whose layers only its registry has: use " + BUILD_TO + "=registry or engine.");
        }
        try {
            logSaved(new ImageArchive(source.get()).save(request));
        } catch (UserFixableException e) {
            throw failure(e);
        }
    }

    /** An image read from its registry, for {@code image.builder=host}. */
    private ImagePull.Pulled pull(String reference, String platform) throws EngineException, IOException {
        ImageRef ref = ImageRef.parse(reference);
        boolean mirrored = registryMirror != null
                && !registryMirror.isBlank()
                && ref.registry().equals(ImageRef.DEFAULT_REGISTRY);
        if (mirrored) {
            String mirror =
                    registryMirror.strip().replaceFirst("^https?://", "").replaceFirst("/+$", "");
            ref = new ImageRef(mirror, ref.registryPath(), ref.tag(), ref.digest());
        }
        try {
            RegistryClient client = new RegistryClient(
                    ref.registry(),
                    RegistryPush.repositoryPath(ref),
                    readCredentials().find(ref.registry()),
                    registryConnection(),
                    engineLog());
            client.ping();
            getLog().info("Reading " + reference + " for " + platform + " from "
                    + (mirrored
                            ? "the mirror " + ref.registry() + " (" + REGISTRY_MIRROR + ")"
                            : "its registry " + ref.registry()));
            return new ImagePull(baseImageCache.toPath().resolve("blobs")).pull(client, ref, platform);
        } catch (MojoFailureException | MojoExecutionException e) {
            throw new dev.dockyard.image.engine.RegistryException(e.getMessage());
        }
    }

    /**
     * The JDK whose jlink links the runtime for {@code image.builder=host}: the one running Maven when its release is
     * {@code feature}, else the toolchain of type {@code jdk} whose version is that release.
     */
    private Path jdk(int feature) throws dev.dockyard.image.engine.ImageBuildException {
        Path running = Path.of(System.getProperty("java.home"));
        if (Runtime.version().feature() == feature && Files.isExecutable(running.resolve("bin/jlink"))) {
            return running;
        }
        List<Toolchain> found =
                toolchains.getToolchains(session, "jdk", Map.of("version", "[" + feature + "," + (feature + 1) + ")"));
        for (Toolchain toolchain : found) {
            String javac = toolchain.findTool("javac");
            if (javac != null) {
                Path home = Path.of(javac).getParent().getParent();
                if (Files.isExecutable(home.resolve("bin/jlink"))) {
                    return home;
                }
            }
        }
        throw new dev.dockyard.image.engine.ImageBuildException(BUILDER + "=host links with a JDK " + feature
                + " (the builder image's Java release), and Maven runs on Java "
                + Runtime.version().feature()
                + " with no toolchain of type jdk, version " + feature + ", that has jlink"
                + (found.isEmpty() ? "" : " (" + found.size() + " without jlink)")
                + ": add one to ~/.m2/toolchains.xml (as maven-toolchains-plugin reads it), run Maven on a JDK "
                + feature + ", or use " + BUILDER + "=engine.");
    }

    /** The SBOM the image gets, or {@code null} when {@code image.sbom.embed=false} or nothing was rendered. */
    private ImageSbom sbom() throws MojoFailureException, IOException {
        return sbom(SbomMojo.SBOM_FILE, workDirectory.toPath());
    }

    /**
     * The SBOM an image gets, its document written to {@code file} (in the build directory) and its packages
     * recorded in {@code packages}; {@code null} as for {@link #sbom()}.
     */
    private ImageSbom sbom(String file, Path packages) throws MojoFailureException, IOException {
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
                request, Path.of(project.getBuild().getDirectory()).resolve(file), packages, reproducibleTime());
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
