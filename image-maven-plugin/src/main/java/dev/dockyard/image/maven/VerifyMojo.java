package dev.dockyard.image.maven;

import static dev.dockyard.image.maven.ImageParameters.*;

import dev.dockyard.image.assemble.PlatformImages;
import dev.dockyard.image.engine.Engine;
import dev.dockyard.image.engine.EngineException;
import dev.dockyard.image.render.RenderResult;
import dev.dockyard.image.support.DurationText;
import dev.dockyard.image.support.ModuleLock;
import dev.dockyard.image.support.UserFixableException;
import dev.dockyard.image.verify.ImageVerifier;
import dev.dockyard.image.verify.PlatformChecks;
import dev.dockyard.image.verify.Verification;
import dev.dockyard.image.verify.VerificationReports;
import dev.dockyard.image.verify.VerifyRequest;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Verifies the image {@code image:build} built. Static checks: size within {@code image.maxImageSize}, a non-root
 * user, a HEALTHCHECK, the configured ports exposed, the required labels. Live checks, in a container started from
 * the image with its ports on random host ports and labelled {@code dev.dockyard.run}: healthy within
 * {@code image.healthTimeout}, main process not root, an HTTP probe of the health path, a clean stop on SIGTERM
 * within {@code image.stopTimeout}. The container is removed in every outcome. Writes one line per check, JUnit XML
 * ({@code TEST-image-<artifactId>.xml}) and {@code image-report.html} to {@code target/image-reports/}.
 *
 * @since 0.1.0
 */
@Mojo(name = "verify", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public class VerifyMojo extends AbstractEngineMojo {

    /**
     * The service's main TCP port: the image must expose it, and the HTTP probe asks it.
     *
     * @since 0.1.0
     */
    /**
     * Directory of image:dockerfile's intermediate files: the report's table of runtime modules comes from its last
     * render.
     *
     * @since 0.3.0
     */
    @Parameter(property = WORK_DIRECTORY, defaultValue = WORK_DIRECTORY_DEFAULT)
    private File workDirectory;

    @Parameter(property = PORT, defaultValue = PORT_DEFAULT)
    private String port;

    /**
     * More TCP ports the image must expose, besides {@code port}.
     *
     * @since 0.1.0
     */
    @Parameter(property = PORTS)
    private List<String> ports = new ArrayList<>();

    /**
     * Path the live check probes with HTTP GET through the published port; {@code none} for no probe.
     *
     * @since 0.1.0
     */
    @Parameter(property = HEALTH_PATH, defaultValue = HEALTH_PATH_DEFAULT)
    private String healthPath;

    /**
     * Container port of the HTTP probe; defaults to {@code port}.
     *
     * @since 0.1.0
     */
    @Parameter(property = HEALTH_PORT)
    private String healthPort;

    /**
     * The memory limit of the container the live checks run (swap included), e.g. {@code 256MiB}: a service the
     * kernel kills for memory fails {@code image:verify} with the engine's OOMKilled state and its last log lines.
     * Empty for no limit.
     *
     * @since 0.3.0
     */
    @Parameter(property = MEMORY_LIMIT)
    private String memoryLimit;

    /**
     * Size budget of the whole image, in decimal units as {@code docker images} shows them ({@code 150MB}), or
     * binary ones ({@code 140MiB}).
     *
     * @since 0.1.0
     */
    @Parameter(property = MAX_IMAGE_SIZE, defaultValue = MAX_IMAGE_SIZE_DEFAULT)
    private String maxImageSize;

    /**
     * Labels the image must carry. On the command line, comma-separated.
     *
     * @since 0.1.0
     */
    @Parameter(property = REQUIRED_LABELS, defaultValue = REQUIRED_LABELS_DEFAULT)
    private List<String> requiredLabels = new ArrayList<>();

    /**
     * How long the container may take to be reported healthy. Extended, with a log line, to the image's start
     * period + interval + timeout when those are longer.
     *
     * @since 0.1.0
     */
    @Parameter(property = HEALTH_TIMEOUT, defaultValue = HEALTH_TIMEOUT_DEFAULT)
    private String healthTimeout;

    /**
     * Time the container has to exit after SIGTERM before the engine kills it, which fails the check.
     *
     * @since 0.1.0
     */
    @Parameter(property = STOP_TIMEOUT, defaultValue = STOP_TIMEOUT_DEFAULT)
    private String stopTimeout;

    /**
     * Container log lines printed when a live check fails.
     *
     * @since 0.1.0
     */
    @Parameter(property = LOG_LINES, defaultValue = LOG_LINES_DEFAULT)
    private String logLines;

    /**
     * Run the live checks (start a container). {@code false} keeps only the static checks.
     *
     * @since 0.1.0
     */
    @Parameter(property = LIVE_CHECKS, defaultValue = LIVE_CHECKS_DEFAULT)
    private String liveChecks;

    /**
     * Where image:build put the image ({@code image.buildTo}): the live checks need it in the engine, so with
     * {@code registry} image:verify says so and does nothing.
     *
     * @since 0.5.0
     */
    @Parameter(property = BUILD_TO, defaultValue = BUILD_TO_DEFAULT)
    private String buildTo;

    /**
     * The platforms whose images get the live checks, after a build for several platforms ({@code image.platforms}):
     * comma-separated, e.g. {@code linux/amd64,linux/arm64}; empty (the default) for the engine's own platform.
     * Another platform's image runs under emulation (the engine's binfmt_misc handlers, e.g. Debian's
     * {@code qemu-user-static}), its health and stop timeouts 10 times {@code image.healthTimeout} and
     * {@code image.stopTimeout}, said in the log. Every platform's image gets the static checks; each platform
     * other than the engine's has its reports as {@code image-report-<os>-<arch>.html} and JUnit XML of its own.
     *
     * @since 0.6.0
     */
    @Parameter(property = VERIFY_PLATFORMS)
    private String verifyPlatforms;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skipped("verify")) {
            return;
        }
        if (buildTo != null && !buildTo.isBlank() && !buildTo.strip().equals("engine")) {
            getLog().info("Skipping image:verify: " + BUILD_TO + "=" + buildTo.strip() + " put the image in no engine."
                    + " Verify it where an engine has it: pull it, then run image:verify without " + BUILD_TO + ".");
            return;
        }
        List<String> live = platforms(verifyPlatforms, "verifyPlatforms", VERIFY_PLATFORMS);
        try (ModuleLock held = lockModule()) {
            Optional<PlatformImages> platforms = platformImages(workDirectory.toPath());
            if (platforms.isEmpty()) {
                if (!live.isEmpty()) {
                    throw failure(PlatformChecks.singlePlatform(live));
                }
                verifyOne(request(builtImage()), null, null, List.of());
                return;
            }
            verifyPlatforms(platforms.get(), live);
        }
    }

    /** After a build for several platforms: each platform's image, the engine's own as usual, others loaded. */
    private void verifyPlatforms(PlatformImages platforms, List<String> live)
            throws MojoExecutionException, MojoFailureException {
        String own;
        try (Engine engine = connect(engineTimeout)) {
            own = engine.platform();
        } catch (EngineException e) {
            rethrow(e);
            return;
        }
        List<PlatformChecks.Planned> planned;
        List<VerificationReports.PlatformImage> listed;
        try {
            planned = PlatformChecks.plan(platforms, live, own, builtImage());
            listed = PlatformChecks.listed(planned);
        } catch (UserFixableException e) {
            throw failure(e);
        } catch (IOException e) {
            throw new MojoExecutionException("Could not read the platforms' images: " + e.getMessage(), e);
        }
        List<String> failed = new ArrayList<>();
        for (PlatformChecks.Planned p : planned) {
            if (p.tagged()) {
                VerifyRequest request = request(builtImage());
                failed.addAll(verifyOne(p.live() ? request : request.staticOnly(), null, null, listed));
                continue;
            }
            try (Engine engine = connect(engineTimeout);
                    PlatformChecks.Loaded loaded = PlatformChecks.load(engine, p.image(), workDirectory.toPath())) {
                VerifyRequest request = request(loaded.id()).scaled(p.factor());
                if (p.live() && p.factor() > 1) {
                    getLog().info("Verifying the " + p.platform() + " image under emulation (the engine runs " + own
                            + "): health timeout " + DurationText.format(request.healthTimeout())
                            + " and stop timeout " + DurationText.format(request.stopTimeout()) + ", "
                            + p.factor() + " times " + HEALTH_TIMEOUT + " and " + STOP_TIMEOUT);
                }
                failed.addAll(verifyOne(p.live() ? request : request.staticOnly(), p.platform(), engine, listed));
            } catch (EngineException e) {
                rethrow(e);
            } catch (IOException e) {
                throw new MojoExecutionException(
                        "Could not load the " + p.platform() + " image into the engine: " + e.getMessage(), e);
            }
        }
        if (!failed.isEmpty()) {
            throw new MojoFailureException(String.join("; ", failed));
        }
    }

    /**
     * Verifies one image and writes its reports; {@code platform} names another platform's image (its reports get
     * the platform in their names), {@code null} for the engine's. Fails at once for a single-platform build, else
     * returns the failure to report with the other platforms'.
     *
     * @param engine the engine to use, or {@code null} to connect anew
     */
    private List<String> verifyOne(
            VerifyRequest request, String platform, Engine engine, List<VerificationReports.PlatformImage> platforms)
            throws MojoExecutionException, MojoFailureException {
        String subject = mainReference() + (platform == null ? "" : " for " + platform);
        Verification verification;
        Engine used = engine;
        try {
            if (used == null) {
                used = connect(engineTimeout);
            }
            getLog().info("Verifying image " + request.image() + " (" + subject + ")");
            verification = new ImageVerifier(used, engineLog(), reconnect(used))
                    .verify(request)
                    .map(this::text);
        } catch (EngineException e) {
            rethrow(e);
            return List.of();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MojoExecutionException("Interrupted while verifying " + request.image(), e);
        } finally {
            if (engine == null && used != null) {
                used.close();
            }
        }
        Path reports = reportsDirectory.toPath();
        Path html = reports.resolve(VerificationReports.htmlName(platform));
        try {
            String suite = "image-" + project.getArtifactId() + VerificationReports.suffix(platform);
            Path junit = VerificationReports.writeJUnit(verification, suite, reports);
            VerificationReports.writeHtml(verification, "Image " + subject, moduleReasons(), platforms, html);
            getLog().info("Wrote " + relative(junit) + " and " + relative(html));
        } catch (IOException e) {
            throw new MojoExecutionException("Could not write the reports to " + reports + ": " + e.getMessage(), e);
        }
        try {
            verdict("verify", verification, subject, "details above and in " + relative(html));
            return List.of();
        } catch (MojoFailureException e) {
            if (platforms.isEmpty()) {
                throw e;
            }
            return List.of(e.getMessage()); // reported with the other platforms' verdicts
        }
    }

    /** Why each runtime module is linked, as image:dockerfile's last render says; empty for an image it did not render. */
    private List<String> moduleReasons() throws IOException {
        return RenderResult.last(workDirectory.toPath(), outputDirectory.toPath())
                .map(render -> render.moduleReasons().stream().map(this::text).toList())
                .orElse(List.of());
    }

    /** The request for {@code image}. */
    private VerifyRequest request(String image) throws MojoFailureException {
        List<String> problems = new ArrayList<>();
        long budget = size("maxImageSize", maxImageSize, problems);
        Duration health = duration("healthTimeout", healthTimeout, problems);
        Duration stop = duration("stopTimeout", stopTimeout, problems);
        long memory = memoryLimit == null || memoryLimit.isBlank() ? 0 : size("memoryLimit", memoryLimit, problems);
        failOn(problems);
        String path = ServiceSettings.healthPath(healthPath);
        String runId =
                project.getArtifactId() + "-" + UUID.randomUUID().toString().substring(0, 8);
        List<Integer> allPorts = ports(port, ports);
        return new VerifyRequest(
                image,
                budget,
                allPorts,
                ServiceSettings.trimmed(requiredLabels),
                flag(liveChecks, "liveChecks"),
                health,
                path,
                healthPort(healthPort, allPorts),
                stop,
                number(logLines, "logLines", 1, 10_000),
                runId,
                Map.of(Engine.PROJECT_LABEL, project.getBasedir().getAbsolutePath()),
                memory);
    }
}
