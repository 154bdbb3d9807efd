package dev.dockyard.image.maven;

import static dev.dockyard.image.maven.ImageParameters.*;

import dev.dockyard.image.policy.LintOutcome;
import dev.dockyard.image.render.DefaultImages;
import dev.dockyard.image.render.HealthSettings;
import dev.dockyard.image.render.ImageSettings;
import dev.dockyard.image.render.JvmSettings;
import dev.dockyard.image.render.RenderException;
import dev.dockyard.image.render.RenderRequest;
import dev.dockyard.image.render.RenderResult;
import dev.dockyard.image.render.TemplateSource;
import dev.dockyard.image.stage.StagedLayer;
import dev.dockyard.image.support.ByteSize;
import dev.dockyard.image.support.ModuleLock;
import dev.dockyard.image.support.UserFixableException;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.inject.Inject;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * Renders the module's Dockerfile from a Freemarker template into {@code target/docker/Dockerfile}, with a
 * {@code .dockerignore}, and stages the build context next to it as layers: third-party release dependencies,
 * snapshot dependencies, other modules of the reactor, and the module's own jar. The rendered Dockerfile is then
 * linted as {@code image:lint} does, with the same parameters ({@code image.lint.skip} turns that off).
 *
 * @since 0.1.0
 */
@Mojo(
        name = "dockerfile",
        defaultPhase = LifecyclePhase.PACKAGE,
        threadSafe = true,
        requiresDependencyResolution = ResolutionScope.RUNTIME)
public class DockerfileMojo extends AbstractLintMojo {

    /**
     * Directory the Dockerfile, the {@code .dockerignore} and the staged build context are written to.
     *
     * @since 0.1.0
     */
    @Parameter(property = OUTPUT_DIRECTORY, defaultValue = OUTPUT_DIRECTORY_DEFAULT)
    private File outputDirectory;

    /**
     * Directory for intermediate files that are not part of the build context: the caches of the staging and of
     * the module scan.
     *
     * @since 0.1.0
     */
    @Parameter(property = WORK_DIRECTORY, defaultValue = WORK_DIRECTORY_DEFAULT)
    private File workDirectory;

    /**
     * Image repository name, optionally with a registry prefix, e.g. {@code registry.example.com/shop/orders}; the
     * rendered image's title label. Lower-case letters, digits, {@code .}, {@code _}, {@code -} and {@code /} only.
     *
     * @since 0.1.0
     */
    @Parameter(property = NAME, defaultValue = NAME_DEFAULT)
    private String imageName;

    /**
     * Tags of the image; the first is the rendered image's version label. On the command line, comma-separated.
     *
     * @since 0.1.0
     */
    @Parameter(property = TAGS, defaultValue = TAGS_DEFAULT)
    private List<String> tags;

    /**
     * The service's main TCP port: exposed by the rendered image and asked by its health check.
     *
     * @since 0.1.0
     */
    @Parameter(property = PORT, defaultValue = PORT_DEFAULT)
    private String port;

    /**
     * More TCP ports the rendered image exposes, besides {@code port}.
     *
     * @since 0.1.0
     */
    @Parameter(property = PORTS)
    private List<String> ports = new ArrayList<>();

    /**
     * Path the image's health check requests with HTTP GET; {@code none} for no health check.
     *
     * @since 0.1.0
     */
    @Parameter(property = HEALTH_PATH, defaultValue = HEALTH_PATH_DEFAULT)
    private String healthPath;

    /**
     * Container port the health check asks; defaults to {@code port}.
     *
     * @since 0.1.0
     */
    @Parameter(property = HEALTH_PORT)
    private String healthPort;

    /**
     * The template: a catalog name ({@code java-service}, {@code java-service-debian}, {@code java-service-jre}),
     * looked up first in the module's {@code src/main/docker/}, then in {@link #templateDirectory}, then in the
     * bundled catalog; or the path of a {@code .ftl} file.
     *
     * @since 0.1.0
     */
    @Parameter(property = TEMPLATE, defaultValue = TEMPLATE_DEFAULT)
    private String template;

    /**
     * A directory of templates shared by the modules of a reactor, searched after the module's
     * {@code src/main/docker/} and before the bundled catalog. Typically
     * {@code ${maven.multiModuleProjectDirectory}/docker}.
     *
     * @since 0.1.0
     */
    @Parameter(property = TEMPLATE_DIRECTORY)
    private File templateDirectory;

    /**
     * The module's own template directory: a template there overrides the shared and the bundled one of the same
     * name.
     *
     * @since 0.1.0
     */
    @Parameter(property = MODULE_TEMPLATE_DIRECTORY, defaultValue = MODULE_TEMPLATE_DIRECTORY_DEFAULT)
    private File moduleTemplateDirectory;

    /**
     * The class whose {@code main} starts the service. Defaults to the {@code Main-Class} of the jar's manifest.
     *
     * @since 0.1.0
     */
    @Parameter(property = MAIN_CLASS)
    private String mainClass;

    /**
     * Base image of the builder stage: a JDK that has {@code jlink}. Defaults to
     * {@code eclipse-temurin:<release>-jdk}, with the release from {@code maven.compiler.release} (17 if unset).
     *
     * @since 0.1.0
     */
    @Parameter(property = BUILDER_IMAGE)
    private String builderImage;

    /**
     * Base image of the final stage. Defaults to {@code scratch} for {@code java-service} (its builder stage assembles
     * the whole root filesystem: the jlinked runtime and the C libraries it loads), to {@code debian:bookworm-slim}
     * for {@code java-service-debian} and templates outside the catalog, and to
     * {@code eclipse-temurin:<release>-jre} for {@code java-service-jre}.
     *
     * @since 0.1.0
     */
    @Parameter(property = RUNTIME_IMAGE)
    private String runtimeImage;

    /**
     * Numeric {@code uid:gid} the service runs as; never root.
     *
     * @since 0.1.0
     */
    @Parameter(property = USER, defaultValue = USER_DEFAULT)
    private String user;

    /**
     * Working directory of the service in the image; the layers are copied below it.
     *
     * @since 0.1.0
     */
    @Parameter(property = WORKDIR, defaultValue = WORKDIR_DEFAULT)
    private String workdir;

    /**
     * Absolute paths declared as volumes; each is created owned by {@link #user} so that a fresh named volume is
     * writable.
     *
     * @since 0.1.0
     */
    @Parameter(property = VOLUMES)
    private List<String> volumes = new ArrayList<>();

    /**
     * Environment variables of the image.
     *
     * @since 0.1.0
     */
    @Parameter
    private Map<String, String> env = new LinkedHashMap<>();

    /**
     * Labels of the image, added to (and overriding) the {@code org.opencontainers.image.*} labels taken from the
     * POM.
     *
     * @since 0.1.0
     */
    @Parameter
    private Map<String, String> labels = new LinkedHashMap<>();

    /**
     * Time between two health checks (Docker duration).
     *
     * @since 0.1.0
     */
    @Parameter(property = HEALTH_CHECK_INTERVAL, defaultValue = HEALTH_CHECK_INTERVAL_DEFAULT)
    private String healthCheckInterval;

    /**
     * Time one health check may take (Docker duration).
     *
     * @since 0.1.0
     */
    @Parameter(property = HEALTH_CHECK_TIMEOUT, defaultValue = HEALTH_CHECK_TIMEOUT_DEFAULT)
    private String healthCheckTimeout;

    /**
     * Consecutive failed checks after which the container is unhealthy.
     *
     * @since 0.1.0
     */
    @Parameter(property = HEALTH_CHECK_RETRIES, defaultValue = HEALTH_CHECK_RETRIES_DEFAULT)
    private String healthCheckRetries;

    /**
     * Start-up time during which failed checks do not count (Docker duration).
     *
     * @since 0.1.0
     */
    @Parameter(property = HEALTH_CHECK_START_PERIOD, defaultValue = HEALTH_CHECK_START_PERIOD_DEFAULT)
    private String healthCheckStartPeriod;

    /**
     * Program arguments, after the main class (or the jar): the image's entry point passes them to the application
     * on every start. On the command line, comma-separated.
     *
     * @since 0.3.0
     */
    @Parameter(property = ARGS)
    private List<String> args = new ArrayList<>();

    /**
     * JVM options, after the container-aware defaults ({@code -XX:MaxRAMPercentage=75.0
     * -XX:+ExitOnOutOfMemoryError}). On the command line, comma-separated.
     *
     * @since 0.1.0
     */
    @Parameter(property = JVM_OPTIONS)
    private List<String> jvmOptions = new ArrayList<>();

    /**
     * Modules the jlinked runtime keeps, instead of those the scan of the jars' class files computes (with its rules
     * for modules reached only by reflection). On the command line, comma-separated.
     *
     * @since 0.1.0
     */
    @Parameter(property = JLINK_MODULES)
    private List<String> jlinkModules = new ArrayList<>();

    /**
     * Modules added to the computed ones: those reached only by reflection or service loading, e.g.
     * {@code jdk.crypto.ec} for TLS with EC keys, {@code jdk.localedata}.
     *
     * @since 0.1.0
     */
    @Parameter(property = ADDITIONAL_MODULES)
    private List<String> additionalModules = new ArrayList<>();

    /**
     * Says, for every module the runtime links, why: the first jar and class that needs it and how (a class
     * reference, a module descriptor, a rule for a class loaded by name or by reflection, a JVM option, a setting,
     * always added, or required by another linked module), one info line each. {@code image:verify}'s HTML report
     * has the same table whether or not this is set.
     *
     * @since 0.3.0
     */
    @Parameter(property = EXPLAIN_MODULES, defaultValue = "false")
    private String explainModules;

    /**
     * How the module's jar is staged: {@code auto} recognises a Spring Boot repackaged jar (staged exploded, its
     * nested jars in layers, {@code Start-Class} on a plain class path), a shaded jar (staged without the
     * dependencies it holds) and a Quarkus fast-jar ({@code target/quarkus-app}); anything else gets the plain
     * class path of the jar and its dependencies. {@code shaded} stages the jar without the dependencies whose
     * classes it holds even where no packer left its traces; {@code plain} always stages the jar and every
     * dependency.
     *
     * @since 0.2.0
     */
    @Parameter(property = LAYOUT, defaultValue = LAYOUT_DEFAULT)
    private String layout;

    /**
     * Locales the service formats and parses beyond those of {@code java.base} (English and the root locale): language
     * tags such as {@code de,fr-CH} (ranges such as {@code *-IN} too), or {@code *} for every locale. When set, the
     * runtime keeps {@code jdk.localedata}, and the {@code java-service} template links only the given locales' data
     * ({@code jlink --include-locales}). On the command line, comma-separated.
     *
     * @since 0.2.0
     */
    @Parameter(property = LOCALES)
    private List<String> locales = new ArrayList<>();

    /**
     * Which runtime the image links: {@code module}, the modules this service needs (its own scan); {@code reactor},
     * one runtime of the union of the modules every service of the reactor needs (those that run
     * {@code image:build}), computed once per build and reported in one line, so that every service's image holds
     * the same runtime layer (same digest), which a registry and a node store once. With {@code java-service}, that
     * runtime is the image's first layer, in a stage of its own that the engine builds once; a service whose class
     * files need a module the union lacks fails with the module's name (add it to {@code additionalModules}).
     *
     * @since 0.4.0
     */
    @Parameter(property = RUNTIME, defaultValue = RUNTIME_DEFAULT)
    private String runtime;

    /**
     * A class-data archive trained at build time, so that the service starts faster: {@code none}; {@code cds}, an
     * AppCDS archive ({@code -XX:ArchiveClassesAtExit}); {@code auto}, the AOT cache ({@code -XX:AOTCacheOutput},
     * JEP 483/514/515) on a JDK 25 or later builder and AppCDS before. A stage of its own runs the service once on
     * the image's runtime with the image's class path and JVM options, until Spring Boot's
     * {@code -Dspring.context.exit=onRefresh} ends it (a Spring Boot jar) or {@code image.healthPath} answers
     * (then SIGTERM); the final stage copies the archive in a layer after the application's, and the entry point
     * uses it (a JVM that rejects it starts without it).
     *
     * @since 0.3.0
     */
    @Parameter(property = STARTUP_CACHE, defaultValue = STARTUP_CACHE_DEFAULT)
    private String startupCache;

    /**
     * How long the training run of {@code image.startupCache} may take before it fails the build.
     *
     * @since 0.3.0
     */
    @Parameter(property = TRAINING_TIMEOUT, defaultValue = TRAINING_TIMEOUT_DEFAULT)
    private String startupCacheTrainingTimeout;

    /**
     * Where the training run of {@code image.startupCache} ends: {@code health}, once {@code image.healthPath}
     * answers (then SIGTERM), so that the archive also holds what the service loads to start its server and answer
     * its first request; {@code exit}, when the service exits by itself (Spring Boot's
     * {@code -Dspring.context.exit=onRefresh} for a Boot jar, before its web server starts); {@code auto},
     * {@code exit} for a Spring Boot jar, else {@code health}.
     *
     * @since 0.5.0
     */
    @Parameter(property = TRAINING, defaultValue = TRAINING_DEFAULT)
    private String startupCacheTraining;

    @Parameter(defaultValue = "${plugin}", readonly = true, required = true)
    private PluginDescriptor plugin;

    private final Renderers renderers;
    private final ReactorRuntimes reactorRuntimes;

    @Inject
    public DockerfileMojo(Renderers renderers, ReactorRuntimes reactorRuntimes) {
        this.renderers = renderers;
        this.reactorRuntimes = reactorRuntimes;
    }

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skipped("dockerfile")) {
            return;
        }
        try (ModuleLock held = lockModule()) {
            boolean explain = flag(explainModules, "explainModules");
            RenderResult result;
            try {
                result = renderers.renderer(session).render(request());
            } catch (UserFixableException e) {
                throw failure(e);
            } catch (IOException e) {
                throw new MojoExecutionException(
                        "Could not render the Dockerfile of " + project.getId() + ": " + e.getMessage(), e);
            } catch (RuntimeException e) {
                // a fault of a tool or library the render runs (never the user's input): one line, no stack trace
                throw new MojoExecutionException(
                        "Could not render the Dockerfile of " + project.getId() + " from "
                                + project.getArtifact().getFile() + ": " + e.getMessage() + " ("
                                + e.getClass().getSimpleName()
                                + "). Set the runtime modules yourself with -Dimage.jlinkModules=java.base,... if the module"
                                + " computation failed; run with -e for the stack trace and report it.",
                        e);
            }
            Path base = project.getBasedir().toPath();
            // the lines are built only when shown: a rerun with nothing to do costs little more than these checks
            boolean info = getLog().isInfoEnabled();
            if (info) {
                getLog().info("Layout of " + project.getArtifactId() + ": " + text(result.staging()));
            }
            for (String warning : result.warnings()) {
                getLog().warn(text(warning));
            }
            if (info) {
                getLog().info((result.upToDate() ? "Up to date: " : "Rendered ") + base.relativize(result.dockerfile())
                        + " from " + result.template() + " (runtime modules: " + String.join(",", result.modules())
                        + ")");
                StringBuilder layers = new StringBuilder();
                for (StagedLayer layer : result.layers()) {
                    layers.append(layers.length() == 0 ? "" : ", ").append(describe(layer));
                }
                getLog().info((result.upToDate() ? "Up to date: build context " : "Staged build context ")
                        + base.relativize(result.context()) + ": " + layers);
                if (explain) {
                    for (String reason : result.moduleReasons()) {
                        getLog().info("Runtime module " + text(reason));
                    }
                }
            }
            lintRendered(result);
        }
    }

    /**
     * Lints the rendered Dockerfile, unless the same Dockerfile passed the same lint settings last time and its
     * reports are still there.
     */
    private void lintRendered(RenderResult result) throws MojoExecutionException, MojoFailureException {
        if (lintSkipped()) {
            return;
        }
        LintOutcome outcome =
                lint(run -> run.lintRendered(result.dockerfile(), result.upToDate(), workDirectory.toPath()));
        if (outcome.upToDate()) {
            getLog().info("Up to date: lint of " + project.getBasedir().toPath().relativize(result.dockerfile())
                    + " (same Dockerfile and settings as the last lint, which passed)");
        }
    }

    private static String describe(StagedLayer layer) {
        int count = layer.files().size();
        return layer.name() + " " + count + (count == 1 ? " file " : " files ") + ByteSize.format(layer.bytes());
    }

    /** With {@code image.runtime=reactor}, the modules of the reactor's runtime; else none. */
    private List<String> reactorModules(int release) throws MojoExecutionException, MojoFailureException {
        boolean reactor = reactorRuntime(runtime);
        return reactor
                ? reactorRuntimes
                        .union(session, release, renderers.scanner(session), getLog())
                        .modules()
                : List.of();
    }

    private Duration trainingTimeout() throws MojoFailureException {
        List<String> problems = new ArrayList<>();
        Duration timeout = duration("startupCacheTrainingTimeout", startupCacheTrainingTimeout, problems);
        if (!problems.isEmpty()) {
            throw new MojoFailureException(problems.get(0));
        }
        return timeout;
    }

    private RenderRequest request() throws MojoExecutionException, MojoFailureException, RenderException, IOException {
        MavenProjectAdapter adapter = new MavenProjectAdapter(project, session);
        Path jar = adapter.applicationJar();
        Optional<Map.Entry<Path, String>> shaded = adapter.shadedBeside(jar);
        if (shaded.isPresent()) {
            getLog().info("Application jar of " + project.getArtifactId() + ": "
                    + relative(shaded.get().getKey().toFile()) + " ("
                    + shaded.get().getValue() + "), not the"
                    + " thin " + jar.getFileName() + ": the jar the shade plugin wrote is what the application runs");
            jar = shaded.get().getKey();
        }
        String main = mainClass != null && !mainClass.isBlank() ? mainClass.strip() : null;
        DefaultImages.Bases bases = bases(builderImage, runtimeImage, template);

        List<Integer> allPorts = ports(port, ports);
        String path = ServiceSettings.healthPath(healthPath);
        HealthSettings health = path == null
                ? null
                : new HealthSettings(
                        path,
                        healthPort(healthPort, allPorts),
                        healthCheckInterval,
                        healthCheckTimeout,
                        number(healthCheckRetries, "healthCheckRetries", 0, 1000),
                        healthCheckStartPeriod);
        return new RenderRequest(
                adapter.projectInfo(),
                new ImageSettings(
                        imageName(imageName),
                        ServiceSettings.trimmed(tags),
                        user.strip(),
                        workdir.strip(),
                        allPorts,
                        ServiceSettings.trimmed(volumes),
                        env,
                        labels),
                health,
                new JvmSettings(
                        main,
                        ServiceSettings.trimmed(jvmOptions),
                        ServiceSettings.trimmed(jlinkModules),
                        ServiceSettings.trimmed(additionalModules),
                        ServiceSettings.trimmed(locales),
                        bases.jdkRelease(),
                        ServiceSettings.trimmed(args),
                        reactorModules(bases.jdkRelease()),
                        oneOf(
                                startupCache,
                                "startupCache",
                                "a startup cache",
                                "none: no archive",
                                "cds: an AppCDS archive trained at build time",
                                "auto: the AOT cache on a JDK 25+ builder, else AppCDS"),
                        trainingTimeout(),
                        oneOf(
                                startupCacheTraining,
                                "startupCacheTraining",
                                "where the startup cache's training run ends",
                                "auto: a Spring Boot jar to its refresh, else until image.healthPath answers",
                                "health: once image.healthPath answers",
                                "exit: when the service exits by itself (a Boot jar at its refresh)")),
                bases.builder(),
                bases.runtime(),
                new TemplateSource(
                        template.strip(),
                        project.getBasedir().toPath(),
                        moduleTemplateDirectory.toPath(),
                        templateDirectory == null ? null : templateDirectory.toPath()),
                jar,
                adapter.runtimeArtifacts(renderers.reactor(session)),
                outputDirectory.toPath(),
                workDirectory.toPath(),
                adapter.outputTimestamp().orElse(null),
                adapter.gitRevision(renderers.gitRevisions(session)).orElse(null),
                plugin.getVersion(),
                layout);
    }
}
