package dev.dockyard.image.verify;

import static dev.dockyard.image.support.CoreException.mention;

import dev.dockyard.image.dockerfile.Users;
import dev.dockyard.image.engine.ContainerSpec;
import dev.dockyard.image.engine.Engine;
import dev.dockyard.image.engine.EngineException;
import dev.dockyard.image.engine.EngineLog;
import dev.dockyard.image.engine.HealthOutcome;
import dev.dockyard.image.engine.HttpGet;
import dev.dockyard.image.engine.Leftovers;
import dev.dockyard.image.engine.Reconnect;
import dev.dockyard.image.engine.RunningContainer;
import dev.dockyard.image.engine.StopOutcome;
import dev.dockyard.image.model.HealthCheckConfig;
import dev.dockyard.image.model.ImageDetails;
import dev.dockyard.image.probe.HealthProbe;
import dev.dockyard.image.support.ByteSize;
import dev.dockyard.image.support.DurationText;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * Verifies a built image: static checks on its configuration and history (size budget, non-root user, health
 * check, exposed ports, labels), then live checks on a container started from it (healthy in time, main process
 * not root, HTTP health probe, clean stop on SIGTERM). The container is removed whatever happens.
 */
public final class ImageVerifier {

    /**
     * Label on the container of a live check: the module's directory (its {@value Engine#PROJECT_LABEL}), so that
     * the next verification of the module finds what an interrupted one left.
     */
    public static final String VERIFY_LABEL = "dev.dockyard.verify";

    private static final int LARGEST_LAYERS = 3;

    private final Engine engine;
    private final EngineLog log;
    private final Reconnect reconnect;

    private final Duration poll;

    /** How often the engine and the service are asked while waiting for healthy. */
    static final Duration POLL = Duration.ofMillis(100);
    /** The class loading log of the container's JVMs, one file per process; the service is process 1. */
    static final String CLASS_LOAD_LOG = "/tmp/dockyard-class-load-%p.log";
    /** Where a class loading log line says the class came from the startup cache's archive (or the runtime's). */
    static final String FROM_ARCHIVE = "source: shared objects file";

    public ImageVerifier(Engine engine, EngineLog log) {
        this(engine, log, () -> engine);
    }

    /**
     * @param reconnect how the shutdown hook of an interrupted verification reaches the engine to remove its
     *     container (the build's connection is torn down with the JVM)
     */
    public ImageVerifier(Engine engine, EngineLog log, Reconnect reconnect) {
        this(engine, log, reconnect, POLL);
    }

    ImageVerifier(Engine engine, EngineLog log, Duration poll) {
        this(engine, log, () -> engine, poll);
    }

    private ImageVerifier(Engine engine, EngineLog log, Reconnect reconnect, Duration poll) {
        this.engine = engine;
        this.log = log;
        this.reconnect = reconnect;
        this.poll = poll;
    }

    /** Runs every check; a failed check never stops the others (later live checks are skipped when moot). */
    public Verification verify(VerifyRequest request) throws EngineException, InterruptedException {
        ImageDetails image = engine.inspect(request.image());
        List<Check> checks =
                new ArrayList<>(staticChecks(image, request.maxImageSize(), request.ports(), request.requiredLabels()));
        checks.forEach(this::report);
        if (request.live()) {
            live(image, request, checks);
        }
        return new Verification(image, checks);
    }

    /**
     * The checks that need only the image's configuration and history: size within the budget, non-root user,
     * HEALTHCHECK, the configured ports exposed, the required labels. Shared by {@code image:verify} and the
     * offline check of a saved archive.
     */
    public static List<Check> staticChecks(
            ImageDetails image, long maxImageSize, List<Integer> ports, List<String> requiredLabels) {
        return List.of(
                size(image, maxImageSize),
                user(image),
                healthCheck(image),
                ports(image, ports),
                labels(image, requiredLabels));
    }

    private void report(Check check) {
        if (check.failed()) {
            log.error(check.line());
            check.output().forEach(line -> log.error("  " + line));
        } else {
            log.info(check.line());
        }
    }

    static Check size(ImageDetails image, long budget) {
        String size = ByteSize.format(image.size());
        if (image.size() <= budget) {
            return Check.pass(
                    "size",
                    "image size " + size + " is within " + mention("maxImageSize") + " " + ByteSize.format(budget),
                    Duration.ZERO);
        }
        String largest = image.largestLayers(LARGEST_LAYERS).stream()
                .map(l -> ByteSize.format(l.size()) + " " + abbreviate(l.instruction()))
                .collect(Collectors.joining("; "));
        return Check.fail(
                "size",
                "image size " + size + " exceeds " + mention("maxImageSize") + " " + ByteSize.format(budget)
                        + " by " + ByteSize.format(image.size() - budget) + "; largest layers: " + largest
                        + ". Shrink those layers or raise " + mention("maxImageSize") + ".",
                Duration.ZERO);
    }

    static Check user(ImageDetails image) {
        String user = image.user().strip();
        if (Users.isRoot(user)) {
            return Check.fail(
                    "non-root-user",
                    "the image runs as root (USER "
                            + (user.isEmpty() ? "not set" : "'" + user + "'") + "): end the Dockerfile with a numeric"
                            + " non-root USER, e.g. USER 65532:65532 (" + mention("user") + ")",
                    Duration.ZERO);
        }
        return Check.pass("non-root-user", "the image runs as user " + user, Duration.ZERO);
    }

    static Check healthCheck(ImageDetails image) {
        HealthCheckConfig health = image.healthCheck();
        if (health == null || !health.defined()) {
            return Check.fail(
                    "healthcheck",
                    "the image defines no HEALTHCHECK: add one (" + mention("healthPath") + ") so"
                            + " that the engine and orchestrators can tell when the service is ready",
                    Duration.ZERO);
        }
        return Check.pass(
                "healthcheck",
                "HEALTHCHECK every " + seconds(health.interval()) + ", timeout "
                        + seconds(health.timeout()) + ", start period " + seconds(health.startPeriod()) + ", "
                        + health.retries() + " retries",
                Duration.ZERO);
    }

    static Check ports(ImageDetails image, List<Integer> configured) {
        Set<String> expected = configured.stream().map(p -> p + "/tcp").collect(Collectors.toCollection(TreeSet::new));
        if (image.exposedPorts().equals(expected)) {
            return Check.pass("exposed-ports", "exposes " + list(expected), Duration.ZERO);
        }
        return Check.fail(
                "exposed-ports",
                "the image exposes " + list(image.exposedPorts()) + " but " + mention("port") + " and "
                        + mention("ports") + " configure " + list(expected) + ": make EXPOSE match",
                Duration.ZERO);
    }

    static Check labels(ImageDetails image, List<String> required) {
        List<String> missing =
                required.stream().filter(l -> !image.labels().containsKey(l)).toList();
        if (missing.isEmpty()) {
            return Check.pass("labels", "has the required labels " + list(required), Duration.ZERO);
        }
        return Check.fail(
                "labels",
                "the image lacks the required label" + (missing.size() == 1 ? " " : "s ") + String.join(", ", missing)
                        + " (" + mention("requiredLabels") + ")",
                Duration.ZERO);
    }

    private void live(ImageDetails image, VerifyRequest request, List<Check> checks)
            throws EngineException, InterruptedException {
        List<Integer> ports = new ArrayList<>(request.ports());
        if (request.healthPath() != null && !ports.contains(request.healthPort())) {
            ports.add(request.healthPort());
        }
        String project = request.labels().get(Engine.PROJECT_LABEL);
        if (project != null) {
            // what a verification of this module left when it was killed before its hook could run
            String removed = Leftovers.removeAbandoned(engine, VERIFY_LABEL, project);
            if (!removed.isEmpty()) {
                log.info("Removed " + removed + " left by an interrupted image:verify of " + project);
            }
        }
        log.info("Starting a container of " + image.shortId() + " (label " + Engine.RUN_LABEL + "=" + request.runId()
                + ")");
        // Ctrl-C (or a kill) while the container runs: the JVM runs this hook, not the close below
        try (Leftovers interrupted = Leftovers.removeOnExit(
                engine,
                reconnect,
                Engine.RUN_LABEL,
                request.runId(),
                log,
                "of the interrupted image:verify",
                "the next image:verify of this module")) {
            try (RunningContainer container = RunningContainer.start(engine, spec(image, request, ports), log, poll)) {
                Check healthy = healthy(image, request, container);
                add(checks, healthy);
                if (healthy.failed()) {
                    for (String name : List.of("process-user", "http-probe", "sigterm-stop")) {
                        add(checks, Check.skipped(name, "the container did not become healthy"));
                    }
                    return;
                }
                add(checks, processUser(container));
                String cache = image.labels().get(ImageDetails.STARTUP_CACHE_LABEL);
                if (cache != null) {
                    add(checks, startupCache(container, cache, image.labels().get(ImageDetails.MAIN_CLASS_LABEL)));
                }
                add(
                        checks,
                        request.healthPath() == null
                                ? Check.skipped(
                                        "http-probe", "no health path configured (" + mention("healthPath") + "=none)")
                                : httpProbe(container, request.healthPath(), request.healthPort()));
                add(checks, stop(container, request));
            } catch (EngineException e) {
                throw interrupted.unlessEnding(e);
            }
        } finally {
            log.info("Removed the container");
        }
    }

    private static ContainerSpec spec(ImageDetails image, VerifyRequest request, List<Integer> ports) {
        Map<String, String> labels = new TreeMap<>(request.labels());
        labels.put(Engine.RUN_LABEL, request.runId());
        labels.put(Leftovers.OWNER_LABEL, Leftovers.owner());
        String project = request.labels().get(Engine.PROJECT_LABEL);
        if (project != null) {
            labels.put(VERIFY_LABEL, project);
        }
        TreeMap<String, String> env = new TreeMap<>();
        if (image.labels().containsKey(ImageDetails.STARTUP_CACHE_LABEL)) {
            // the JVM's own account of where each class came from, in a file: the service's output stays its own
            env.put("JAVA_TOOL_OPTIONS", "-Xlog:class+load=info:file=" + CLASS_LOAD_LOG);
        }
        return new ContainerSpec(
                image.id(),
                labels,
                ports,
                null,
                null,
                null,
                env,
                false,
                false,
                List.of(),
                false,
                false,
                null,
                request.memoryLimit());
    }

    /**
     * Whether the service's JVM used the startup cache, read from its class loading log: its main class came from
     * the archive. A JVM that rejects the archive starts without it, so this is a warning, never a failure.
     */
    private Check startupCache(RunningContainer container, String kind, String mainClass)
            throws EngineException, InterruptedException {
        long start = System.nanoTime();
        String file = CLASS_LOAD_LOG.replace("%p", "1");
        List<String> lines;
        try (TarArchiveInputStream tar = new TarArchiveInputStream(engine.archive(container.id(), file))) {
            if (tar.getNextEntry() == null) {
                throw new IOException("an empty archive");
            }
            lines = new String(tar.readAllBytes(), StandardCharsets.UTF_8)
                    .lines()
                    .toList();
        } catch (IOException | EngineException e) {
            Duration time = Duration.ofNanos(System.nanoTime() - start);
            log.warn("startup cache not used? The JVM's class loading log " + file + " could not be read: "
                    + e.getMessage());
            return Check.skipped("startup-cache", "cache not used? the class loading log could not be read");
        }
        Duration time = Duration.ofNanos(System.nanoTime() - start);
        long archived =
                lines.stream().filter(line -> line.contains(FROM_ARCHIVE)).count();
        String main = "] " + mainClass + " source: ";
        String mainLine =
                lines.stream().filter(line -> line.contains(main)).findFirst().orElse("");
        String what = kind.equals("aot") ? "AOT cache" : "AppCDS archive";
        if (mainLine.contains(FROM_ARCHIVE)) {
            return Check.pass(
                    "startup-cache",
                    "cache used: the " + what + " gave the main class " + mainClass + " and " + archived + " of "
                            + lines.size() + " classes the JVM loaded",
                    time);
        }
        String source = mainLine.isEmpty()
                ? "was not loaded yet"
                : "came from " + mainLine.substring(mainLine.indexOf(" source: ") + " source: ".length());
        String message = "cache not used: the JVM started without the " + what + " (the main class " + mainClass + " "
                + source + "); it was trained for another runtime, class path or JVM options";
        log.warn("startup-cache: " + message);
        return Check.skipped("startup-cache", message);
    }

    private void add(List<Check> checks, Check check) {
        checks.add(check);
        report(check);
    }

    private Check healthy(ImageDetails image, VerifyRequest request, RunningContainer container)
            throws EngineException, InterruptedException {
        Duration timeout = HealthCheckConfig.waitFor(image.healthCheck(), request.healthTimeout());
        if (!timeout.equals(request.healthTimeout())) {
            log.info("Waiting up to " + seconds(timeout) + " for healthy (the image's start period + interval +"
                    + " timeout exceed " + mention("healthTimeout") + " " + seconds(request.healthTimeout()) + ")");
        }
        HealthOutcome outcome = container.awaitHealthy(
                timeout,
                image.healthCheck(),
                HttpGet.readiness(engine, container.id(), request.healthPort(), request.healthPath()));
        String probe = outcome.lastProbe().isEmpty() ? "" : " (last health check: " + outcome.lastProbe() + ")";
        return switch (outcome.status()) {
            case HEALTHY ->
                Check.pass(
                        "healthy",
                        "healthy after " + seconds(outcome.elapsed()) + outcome.earlyNote(),
                        outcome.elapsed());
            case NO_HEALTH_CHECK ->
                Check.pass("healthy", "running (the image has no HEALTHCHECK to wait for)", outcome.elapsed());
            case EXITED ->
                container.state().oomKilled()
                        ? Check.fail(
                                "healthy",
                                "the container was OOMKilled by the engine under " + mention("memoryLimit") + " "
                                        + ByteSize.formatLimit(request.memoryLimit()) + " after "
                                        + seconds(outcome.elapsed()) + " (exit status " + outcome.exitCode()
                                        + ") instead of becoming healthy: raise " + mention("memoryLimit")
                                        + "; its last log lines follow",
                                outcome.elapsed(),
                                logs(container, request.logLines()))
                        : Check.fail(
                                "healthy",
                                "the container exited with status " + outcome.exitCode()
                                        + " after " + seconds(outcome.elapsed()) + " instead of becoming healthy"
                                        + probe
                                        + "; its last log lines follow",
                                outcome.elapsed(),
                                logs(container, request.logLines()));
            case UNHEALTHY ->
                Check.fail(
                        "healthy",
                        "the engine reported the container unhealthy after " + seconds(outcome.elapsed()) + probe
                                + "; its last log lines follow",
                        outcome.elapsed(),
                        logs(container, request.logLines()));
            case TIMED_OUT ->
                Check.fail(
                        "healthy",
                        "the container was not healthy within " + seconds(timeout) + " (" + mention("healthTimeout")
                                + ")" + probe + "; its last log lines follow",
                        outcome.elapsed(),
                        logs(container, request.logLines()));
        };
    }

    private static List<String> logs(RunningContainer container, int lines)
            throws EngineException, InterruptedException {
        List<String> logs = container.logs(lines);
        return logs.isEmpty() ? List.of("(the container wrote no output)") : logs;
    }

    private static Check processUser(RunningContainer container) throws EngineException {
        long start = System.nanoTime();
        OptionalInt uid = container.mainProcessEffectiveUid();
        Duration time = Duration.ofNanos(System.nanoTime() - start);
        if (uid.isEmpty()) {
            return Check.fail("process-user", "the container's main process is gone: cannot read its user", time);
        }
        if (uid.getAsInt() == 0) {
            return Check.fail(
                    "process-user",
                    "the container's main process runs as root (effective UID 0): set a"
                            + " numeric non-root USER in the Dockerfile (" + mention("user") + ")",
                    time);
        }
        return Check.pass("process-user", "the main process runs with effective UID " + uid.getAsInt(), time);
    }

    private static Check httpProbe(RunningContainer container, String path, int port) throws EngineException {
        long start = System.nanoTime();
        OptionalInt hostPort = container.hostPort(port);
        if (hostPort.isEmpty()) {
            return Check.fail("http-probe", "port " + port + " is not published: cannot probe " + path, Duration.ZERO);
        }
        URI uri = HttpGet.uri(container.publishedHost(), hostPort.getAsInt(), path);
        try {
            int status = HttpGet.status(uri, Duration.ofSeconds(10));
            Duration time = Duration.ofNanos(System.nanoTime() - start);
            if (HealthProbe.healthy(status)) {
                return Check.pass(
                        "http-probe",
                        "GET " + path + " answered " + status + " through host port " + hostPort.getAsInt(),
                        time);
            }
            return Check.fail(
                    "http-probe",
                    "GET " + path + " answered " + status + " through host port " + hostPort.getAsInt()
                            + ", not 2xx or 3xx",
                    time);
        } catch (IOException e) {
            return Check.fail(
                    "http-probe", "GET " + uri + " failed: " + e, Duration.ofNanos(System.nanoTime() - start));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Check.fail("http-probe", "interrupted", Duration.ZERO);
        }
    }

    private static Check stop(RunningContainer container, VerifyRequest request) throws EngineException {
        StopOutcome stop = container.stop(request.stopTimeout());
        if (stop.clean() && stop.elapsed().compareTo(request.stopTimeout()) < 0) {
            return Check.pass(
                    "sigterm-stop",
                    "stopped on SIGTERM in " + seconds(stop.elapsed()) + " with exit status " + stop.exitCode(),
                    stop.elapsed());
        }
        if (stop.exitCode() == StopOutcome.SIGKILL_EXIT || stop.elapsed().compareTo(request.stopTimeout()) >= 0) {
            return Check.fail(
                    "sigterm-stop",
                    "the container did not stop within " + mention("stopTimeout") + " "
                            + seconds(request.stopTimeout()) + " of SIGTERM and was killed (exit status "
                            + stop.exitCode()
                            + "): handle SIGTERM (the JVM does, unless a shutdown hook blocks)",
                    stop.elapsed());
        }
        return Check.fail(
                "sigterm-stop",
                "the container exited with status " + stop.exitCode() + " on SIGTERM (clean is 0 or 143)",
                stop.elapsed());
    }

    static String seconds(Duration duration) {
        return DurationText.format(duration);
    }

    private static String list(java.util.Collection<?> values) {
        return values.isEmpty()
                ? "nothing"
                : values.stream().map(Object::toString).collect(Collectors.joining(", "));
    }

    private static String abbreviate(String text) {
        String oneLine = text.replaceAll("\\s+", " ");
        return oneLine.length() > 100 ? oneLine.substring(0, 97) + "..." : oneLine;
    }
}
