package dev.dockyard.image.engine;

import dev.dockyard.image.model.HealthCheckConfig;
import dev.dockyard.image.support.CoreException;
import dev.dockyard.image.support.DurationText;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;

/**
 * A container started through an {@link Engine}. Closing it force-removes it; if the JVM may end first, hold a
 * {@link Leftovers#removeOnExit} hook on one of its labels while it runs.
 */
public final class RunningContainer implements AutoCloseable {

    static final Duration POLL = Duration.ofMillis(250);

    /** Time between the first two asks of a readiness probe; it doubles up to {@link #ASK_MAX_GAP}. */
    static final Duration ASK_FIRST_GAP = Duration.ofMillis(100);

    /** The longest time between two asks: the service is found ready at most this long after it is. */
    static final Duration ASK_MAX_GAP = Duration.ofSeconds(1);

    private final Engine engine;
    private final String id;
    private final EngineLog log;
    private final Duration poll;
    private boolean removed;

    private RunningContainer(Engine engine, String id, EngineLog log, Duration poll) {
        this.engine = engine;
        this.id = id;
        this.log = log;
        this.poll = poll;
    }

    /** Starts a container of {@code spec} on {@code engine}. */
    public static RunningContainer start(Engine engine, ContainerSpec spec, EngineLog log) throws EngineException {
        return start(engine, spec, log, POLL);
    }

    public static RunningContainer start(Engine engine, ContainerSpec spec, EngineLog log, Duration poll)
            throws EngineException {
        long requested = System.nanoTime();
        RunningContainer container = new RunningContainer(engine, engine.run(spec), log, poll);
        container.requested = requested;
        return container;
    }

    /**
     * When the start was asked for ({@link System#nanoTime()}): times until healthy count from there, not from the
     * first poll, since on a busy engine the start itself can take longer than the first health check interval.
     */
    private long requested;

    public String id() {
        return id;
    }

    public String shortId() {
        return id.length() > 12 ? id.substring(0, 12) : id;
    }

    /**
     * Waits until the engine reports the container healthy, it exits, it is reported unhealthy, or
     * {@code timeout} passes, whichever comes first.
     */
    public HealthOutcome awaitHealthy(Duration timeout) throws EngineException, InterruptedException {
        return awaitHealthy(timeout, null, ReadinessProbe.NONE);
    }

    /**
     * Waits as {@link #awaitHealthy(Duration)} does, and while the engine still reports {@code starting} asks
     * {@code readiness} at every poll: once the service answers, the image's own check ({@code health}) is run in
     * the container at once, and when it passes the container counts as healthy without waiting for the engine's
     * first check, which comes only a whole interval after start. When that check fails, the reason is logged and
     * the engine's own checks decide, as without a probe.
     */
    public HealthOutcome awaitHealthy(Duration timeout, HealthCheckConfig health, ReadinessProbe readiness)
            throws EngineException, InterruptedException {
        return awaitHealthy(engine, id, log, timeout, poll, health, readiness, requested);
    }

    /**
     * Waits for the container {@code id} as {@link #awaitHealthy(Duration, HealthCheckConfig, ReadinessProbe)}
     * does, without a handle (a stack's containers outlive the goal that started them).
     */
    public static HealthOutcome awaitHealthy(
            Engine engine,
            String id,
            EngineLog log,
            Duration timeout,
            HealthCheckConfig health,
            ReadinessProbe readiness)
            throws EngineException, InterruptedException {
        return awaitHealthy(engine, id, log, timeout, POLL, health, readiness, 0);
    }

    private static HealthOutcome awaitHealthy(
            Engine engine,
            String id,
            EngineLog log,
            Duration timeout,
            Duration poll,
            HealthCheckConfig health,
            ReadinessProbe readiness,
            long requested)
            throws EngineException, InterruptedException {
        long polling = System.nanoTime();
        long deadline = polling + timeout.toNanos();
        long start = requested != 0 ? requested : polling;
        boolean ask = readiness != ReadinessProbe.NONE && health != null && health.defined();
        long nextAsk = polling;
        long askGap = ASK_FIRST_GAP.toNanos();
        while (true) {
            if (Thread.interrupted()) {
                throw new InterruptedException("interrupted while waiting for container " + id);
            }
            ContainerState state = engine.state(id);
            Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
            if (!state.running()) {
                return HealthOutcome.exited(state.exitCode(), elapsed, state.lastProbe());
            }
            if (state.health() == null) {
                return HealthOutcome.noHealthCheck(elapsed);
            }
            if ("healthy".equals(state.health())) {
                return HealthOutcome.healthy(elapsed);
            }
            if ("unhealthy".equals(state.health())) {
                return HealthOutcome.unhealthy(elapsed, state.lastProbe());
            }
            if (ask && System.nanoTime() >= nextAsk) {
                // asked at once, then less and less often (at most ASK_MAX_GAP apart), so that a service that logs
                // each request to its health path does not fill its log while it starts
                nextAsk = System.nanoTime() + askGap;
                askGap = Math.min(askGap * 2, ASK_MAX_GAP.toNanos());
                Optional<String> answer = readiness.ready();
                if (answer.isPresent()) {
                    String confirmed = confirm(engine, id, health);
                    if (confirmed == null) {
                        return HealthOutcome.healthyEarly(
                                Duration.ofNanos(System.nanoTime() - start),
                                answer.get() + "; the image's HEALTHCHECK passed when run at once");
                    }
                    log.info(answer.get() + " after " + DurationText.format(elapsed) + ", but the image's"
                            + " HEALTHCHECK run at once gave " + confirmed + ": waiting for the engine's own checks");
                    ask = false;
                }
            }
            if (System.nanoTime() >= deadline) {
                return HealthOutcome.timedOut(Duration.ofNanos(System.nanoTime() - start), state.lastProbe());
            }
            TimeUnit.NANOSECONDS.sleep(Math.min(poll.toNanos(), Math.max(1, deadline - System.nanoTime())));
        }
    }

    /** Runs the image's check in the container: {@code null} when it passed, else what it gave. */
    private static String confirm(Engine engine, String id, HealthCheckConfig health) throws InterruptedException {
        try {
            ExecResult result = engine.exec(id, health.command(), health.timeout());
            return result.exitCode() == 0 ? null : result.summary();
        } catch (EngineException e) {
            return "an error (" + e.markedMessage() + ")";
        }
    }

    /** The container's last {@code lines} lines of output (stdout and stderr). */
    public List<String> logs(int lines) throws EngineException, InterruptedException {
        return engine.logs(id, lines);
    }

    /** The effective UID of the container's main process; empty when the container is not running. */
    /** The container's state as the engine reports it now: running, exit status, OOMKilled. */
    public ContainerState state() throws EngineException {
        return engine.state(id);
    }

    public OptionalInt mainProcessEffectiveUid() throws EngineException {
        return engine.mainProcessEffectiveUid(id);
    }

    /** The host port the engine published {@code containerPort} on. */
    public OptionalInt hostPort(int containerPort) throws EngineException {
        return engine.hostPort(id, containerPort);
    }

    /** The host name to reach published ports on. */
    public String publishedHost() {
        return engine.publishedHost();
    }

    /**
     * Asks the container to stop (its STOPSIGNAL, normally SIGTERM); the engine kills it when {@code timeout}
     * passes first.
     */
    public StopOutcome stop(Duration timeout) throws EngineException {
        long start = System.nanoTime();
        engine.stop(id, timeout);
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
        ContainerState state = engine.state(id);
        return new StopOutcome(state.exitCode(), elapsed, state.oomKilled());
    }

    /** Removes the container (forced, with its anonymous volumes). */
    @Override
    public synchronized void close() {
        if (removed) {
            return;
        }
        try {
            engine.remove(id);
            removed = true;
        } catch (EngineException | RuntimeException e) {
            log.warn("Could not remove container " + shortId() + ": " + CoreException.markedMessage(e)
                    + " (remove it with: docker rm -f " + shortId() + ")");
        }
    }
}
