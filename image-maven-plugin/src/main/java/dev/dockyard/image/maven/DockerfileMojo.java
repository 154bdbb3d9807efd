package dev.dockyard.image.maven;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import javax.inject.Inject;

import org.apache.maven.artifact.Artifact;
import org.apache.maven.model.License;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;
import org.apache.maven.project.MavenProject;

import dev.dockyard.image.engine.ByteSize;
import dev.dockyard.image.policy.LintMemo;
import dev.dockyard.image.policy.LintReports;
import dev.dockyard.image.render.ArtifactInput;
import dev.dockyard.image.render.DefaultImages;
import dev.dockyard.image.render.HealthSettings;
import dev.dockyard.image.render.ImageSettings;
import dev.dockyard.image.render.JvmSettings;
import dev.dockyard.image.render.Layer;
import dev.dockyard.image.render.ProjectFacts;
import dev.dockyard.image.render.ProjectInfo;
import dev.dockyard.image.render.RenderException;
import dev.dockyard.image.render.RenderRequest;
import dev.dockyard.image.render.RenderResult;
import dev.dockyard.image.render.StagedLayer;
import dev.dockyard.image.render.TemplateSource;

/**
 * Renders the module's Dockerfile from a Freemarker template into {@code target/docker/Dockerfile}, with a
 * {@code .dockerignore}, and stages the build context next to it as layers: third-party release dependencies,
 * snapshot dependencies, other modules of the reactor, and the module's own jar. The rendered Dockerfile is then
 * linted as {@code image:lint} does, with the same parameters ({@code image.lint.skip} turns that off).
 *
 * @since 0.1.0
 */
@Mojo(name = "dockerfile", defaultPhase = LifecyclePhase.PACKAGE, threadSafe = true,
        requiresDependencyResolution = ResolutionScope.RUNTIME)
public class DockerfileMojo extends AbstractLintMojo {

    /**
     * The template: a catalog name ({@code java-service}, {@code java-service-jre}), looked up first in the module's
     * {@code src/main/docker/}, then in {@link #templateDirectory}, then in the bundled catalog; or the path of a
     * {@code .ftl} file.
     *
     * @since 0.1.0
     */
    @Parameter(property = "image.template", defaultValue = "java-service")
    private String template;

    /**
     * A directory of templates shared by the modules of a reactor, searched after the module's
     * {@code src/main/docker/} and before the bundled catalog. Typically
     * {@code ${maven.multiModuleProjectDirectory}/docker}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "image.templateDirectory")
    private File templateDirectory;

    /**
     * The module's own template directory: a template there overrides the shared and the bundled one of the same
     * name.
     *
     * @since 0.1.0
     */
    @Parameter(property = "image.moduleTemplateDirectory", defaultValue = "${project.basedir}/src/main/docker")
    private File moduleTemplateDirectory;

    /**
     * The class whose {@code main} starts the service. Defaults to the {@code Main-Class} of the jar's manifest.
     *
     * @since 0.1.0
     */
    @Parameter(property = "image.mainClass")
    private String mainClass;

    /**
     * Base image of the builder stage: a JDK that has {@code jlink}. Defaults to
     * {@code eclipse-temurin:<release>-jdk}, with the release from {@code maven.compiler.release} (17 if unset).
     *
     * @since 0.1.0
     */
    @Parameter(property = "image.builderImage")
    private String builderImage;

    /**
     * Base image of the final stage. Defaults to {@code debian:bookworm-slim} for {@code java-service} (the jlinked
     * runtime brings its own Java) and to {@code eclipse-temurin:<release>-jre} for {@code java-service-jre}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "image.runtimeImage")
    private String runtimeImage;

    /**
     * Numeric {@code uid:gid} the service runs as; never root.
     *
     * @since 0.1.0
     */
    @Parameter(property = "image.user", defaultValue = "65532:65532")
    private String user;

    /**
     * Working directory of the service in the image; the layers are copied below it.
     *
     * @since 0.1.0
     */
    @Parameter(property = "image.workdir", defaultValue = "/app")
    private String workdir;

    /**
     * Absolute paths declared as volumes; each is created owned by {@link #user} so that a fresh named volume is
     * writable.
     *
     * @since 0.1.0
     */
    @Parameter(property = "image.volumes")
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
    @Parameter(property = "image.healthCheckInterval", defaultValue = "10s")
    private String healthCheckInterval;

    /**
     * Time one health check may take (Docker duration).
     *
     * @since 0.1.0
     */
    @Parameter(property = "image.healthCheckTimeout", defaultValue = "3s")
    private String healthCheckTimeout;

    /**
     * Consecutive failed checks after which the container is unhealthy.
     *
     * @since 0.1.0
     */
    @Parameter(property = "image.healthCheckRetries", defaultValue = "3")
    private int healthCheckRetries;

    /**
     * Start-up time during which failed checks do not count (Docker duration).
     *
     * @since 0.1.0
     */
    @Parameter(property = "image.healthCheckStartPeriod", defaultValue = "20s")
    private String healthCheckStartPeriod;

    /**
     * JVM options, after the container-aware defaults ({@code -XX:MaxRAMPercentage=75.0
     * -XX:+ExitOnOutOfMemoryError}). On the command line, comma-separated.
     *
     * @since 0.1.0
     */
    @Parameter(property = "image.jvmOptions")
    private List<String> jvmOptions = new ArrayList<>();

    /**
     * Modules the jlinked runtime keeps, instead of those {@code jdeps} computes. On the command line,
     * comma-separated.
     *
     * @since 0.1.0
     */
    @Parameter(property = "image.jlinkModules")
    private List<String> jlinkModules = new ArrayList<>();

    /**
     * Modules added to the computed ones: those reached only by reflection or service loading, e.g.
     * {@code jdk.crypto.ec} for TLS with EC keys, {@code jdk.localedata}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "image.additionalModules")
    private List<String> additionalModules = new ArrayList<>();

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
    @Parameter(property = "image.layout", defaultValue = "auto")
    private String layout;

    @Parameter(defaultValue = "${plugin}", readonly = true, required = true)
    private PluginDescriptor plugin;

    private final Renderers renderers;

    @Inject
    public DockerfileMojo(Renderers renderers) {
        this.renderers = renderers;
    }

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skipped("dockerfile")) {
            return;
        }
        RenderResult result;
        try {
            result = renderers.renderer().render(request());
        } catch (RenderException e) {
            throw new MojoFailureException(e.getMessage(), e);
        } catch (IOException e) {
            throw new MojoExecutionException("Could not render the Dockerfile of " + project.getId() + ": "
                    + e.getMessage(), e);
        }
        Path base = project.getBasedir().toPath();
        getLog().info("Layout of " + project.getArtifactId() + ": " + result.staging());
        result.warnings().forEach(getLog()::warn);
        getLog().info((result.upToDate() ? "Up to date: " : "Rendered ") + base.relativize(result.dockerfile())
                + " from " + result.template() + " (runtime modules: " + String.join(",", result.modules()) + ")");
        getLog().info((result.upToDate() ? "Up to date: build context " : "Staged build context ")
                + base.relativize(result.context()) + ": " + result.layers().stream()
                .map(DockerfileMojo::describe).collect(Collectors.joining(", ")));
        lintRendered(result);
    }

    /**
     * Lints the rendered Dockerfile, unless the same Dockerfile passed the same lint settings last time and its
     * reports are still there.
     */
    private void lintRendered(RenderResult result) throws MojoExecutionException, MojoFailureException {
        LintMemo memo = new LintMemo(workDirectory.toPath().resolve("lint-memo.txt"));
        Path report = reportsDirectory.toPath().resolve(LintReports.DEFAULT_NAME + ".json");
        try {
            if (result.upToDate() && memo.passed(lintParameters(), result.dockerfile(), report)) {
                getLog().info("Up to date: lint of " + project.getBasedir().toPath().relativize(result.dockerfile())
                        + " (same Dockerfile and settings as the last lint, which passed)");
                return;
            }
            memo.forget();
            lint(List.of(result.dockerfile()), LintReports.DEFAULT_NAME);
            memo.remember(lintParameters(), result.dockerfile());
        } catch (IOException e) {
            throw new MojoExecutionException("Cannot keep the lint memo in " + workDirectory + ": " + e.getMessage(), e);
        }
    }

    private static String describe(StagedLayer layer) {
        int count = layer.files().size();
        return layer.name() + " " + count + (count == 1 ? " file " : " files ") + ByteSize.format(layer.bytes());
    }

    private RenderRequest request() throws MojoFailureException, RenderException, IOException {
        Path jar = applicationJar();
        String main = mainClass != null && !mainClass.isBlank() ? mainClass.strip() : null;
        int release = DefaultImages.release(project.getProperties().getProperty("maven.compiler.release"),
                project.getProperties().getProperty("maven.compiler.target"));
        String runtime = runtimeImage != null && !runtimeImage.isBlank() ? runtimeImage.strip()
                : DefaultImages.runtime(template.strip(), release);
        String builder = builderImage != null && !builderImage.isBlank() ? builderImage.strip()
                : DefaultImages.builder(release);

        List<Integer> allPorts = new ArrayList<>();
        allPorts.add(port);
        ports.stream().filter(p -> !allPorts.contains(p)).forEach(allPorts::add);
        HealthSettings health = NO_HEALTH_CHECK.equalsIgnoreCase(healthPath.strip()) ? null
                : new HealthSettings(healthPath.strip(), healthPort != null ? healthPort : port,
                        healthCheckInterval, healthCheckTimeout, healthCheckRetries, healthCheckStartPeriod);
        return new RenderRequest(
                projectInfo(),
                new ImageSettings(imageName, trimmed(tags), user.strip(), workdir.strip(), allPorts, trimmed(volumes),
                        env, labels),
                health,
                new JvmSettings(main, trimmed(jvmOptions), trimmed(jlinkModules), trimmed(additionalModules)),
                builder,
                runtime,
                new TemplateSource(template.strip(), project.getBasedir().toPath(), moduleTemplateDirectory.toPath(),
                        templateDirectory == null ? null : templateDirectory.toPath()),
                jar,
                artifacts(),
                outputDirectory.toPath(),
                workDirectory.toPath(),
                ProjectFacts.outputTimestamp(project.getProperties().getProperty("project.build.outputTimestamp"))
                        .orElse(null),
                ProjectFacts.gitRevision(project.getBasedir().toPath()).orElse(null),
                plugin.getVersion(),
                layout);
    }

    private Path applicationJar() throws MojoFailureException {
        File file = project.getArtifact().getFile();
        File quarkus = new File(project.getBuild().getDirectory(), "quarkus-app/quarkus-run.jar");
        if ((file == null || !file.isFile()) && quarkus.isFile()) {
            file = quarkus;
        }
        if (file == null || !file.isFile()) {
            throw new MojoFailureException("The jar of " + project.getArtifactId() + " is not built yet: run"
                    + " image:dockerfile in the package phase or later (mvn package), after the jar plugin.");
        }
        return file.toPath();
    }

    /** Runtime dependencies, each in its layer, in classpath order. */
    private List<ArtifactInput> artifacts() throws MojoFailureException {
        Set<String> reactor = session.getProjects().stream()
                .map(p -> p.getGroupId() + ":" + p.getArtifactId() + ":" + p.getVersion())
                .collect(Collectors.toSet());
        List<ArtifactInput> inputs = new ArrayList<>();
        for (Artifact artifact : project.getArtifacts()) {
            if (!artifact.getArtifactHandler().isAddedToClasspath()
                    || !(Artifact.SCOPE_COMPILE.equals(artifact.getScope())
                    || Artifact.SCOPE_RUNTIME.equals(artifact.getScope()))) {
                continue;
            }
            File file = artifact.getFile();
            if (file == null || !file.isFile()) {
                throw new MojoFailureException("Dependency " + artifact.getId() + " resolves to " + file
                        + ", not a jar: build the reactor to the package phase (mvn package) so that modules are"
                        + " packaged before their images are rendered.");
            }
            String key = artifact.getGroupId() + ":" + artifact.getArtifactId() + ":" + artifact.getBaseVersion();
            Layer layer = reactor.contains(key) ? Layer.MODULES
                    : artifact.isSnapshot() ? Layer.SNAPSHOT_DEPENDENCIES : Layer.DEPENDENCIES;
            inputs.add(new ArtifactInput(file.toPath(), layer, artifact.getGroupId()));
        }
        return inputs;
    }

    private ProjectInfo projectInfo() {
        MavenProject p = project;
        Map<String, String> properties = new LinkedHashMap<>();
        p.getProperties().stringPropertyNames().forEach(k -> properties.put(k, p.getProperties().getProperty(k)));
        return new ProjectInfo(
                p.getGroupId(),
                p.getArtifactId(),
                p.getVersion(),
                p.getName() != null && !p.getName().isBlank() ? p.getName() : p.getArtifactId(),
                nullToEmpty(p.getDescription()),
                nullToEmpty(p.getUrl()),
                p.getScm() != null ? nullToEmpty(p.getScm().getUrl()) : "",
                p.getLicenses().stream().map(License::getName).filter(n -> n != null && !n.isBlank()).toList(),
                p.getOrganization() != null ? nullToEmpty(p.getOrganization().getName()) : "",
                properties);
    }

    private static List<String> trimmed(List<String> values) {
        return values == null ? List.of() : values.stream().filter(v -> v != null && !v.isBlank())
                .map(String::strip).toList();
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
