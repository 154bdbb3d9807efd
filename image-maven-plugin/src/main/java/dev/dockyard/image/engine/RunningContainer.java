package dev.dockyard.image.engine;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.command.HealthState;
import com.github.dockerjava.api.command.HealthStateLog;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.command.TopContainerResponse;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.Ports;

/**
 * A container started by {@link Engine#run}. Closing it force-removes it; a shutdown hook does the same if the JVM
 * ends first, so that an interrupted build leaves nothing behind.
 */
public final class RunningContainer implements AutoCloseable {

    private static final Duration POLL = Duration.ofMillis(250);

    private final DockerClient client;
    private final String id;
    private final EngineAddress address;
    private final EngineLog log;
    private final Thread removeOnExit;
    private boolean removed;

    RunningContainer(DockerClient client, String id, EngineAddress address, EngineLog log) {
        this(client, id, address, log, true);
    }

    /** A handle; with {@code removeOnExit} false, the container outlives the JVM unless closed (a stack's). */
    RunningContainer(DockerClient client, String id, EngineAddress address, EngineLog log, boolean removeOnExit) {
        this.client = client;
        this.id = id;
        this.address = address;
        this.log = log;
        this.removeOnExit = removeOnExit ? new Thread(this::forceRemove, "dockyard-remove-" + shortId()) : null;
        if (removeOnExit) {
            Runtime.getRuntime().addShutdownHook(this.removeOnExit);
        }
    }

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
        long start = System.nanoTime();
        long deadline = start + timeout.toNanos();
        while (true) {
            InspectContainerResponse.ContainerState state = inspect().getState();
            Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
            if (!Boolean.TRUE.equals(state.getRunning())) {
                return HealthOutcome.exited(state.getExitCodeLong() == null ? -1 : state.getExitCodeLong(),
                        elapsed, lastProbe(state.getHealth()));
            }
            HealthState health = state.getHealth();
            if (health == null) {
                return HealthOutcome.noHealthCheck(elapsed);
            }
            if ("healthy".equals(health.getStatus())) {
                return HealthOutcome.healthy(elapsed);
            }
            if ("unhealthy".equals(health.getStatus())) {
                return HealthOutcome.unhealthy(elapsed, lastProbe(health));
            }
            if (System.nanoTime() >= deadline) {
                return HealthOutcome.timedOut(elapsed, lastProbe(health));
            }
            TimeUnit.NANOSECONDS.sleep(Math.min(POLL.toNanos(), Math.max(1, deadline - System.nanoTime())));
        }
    }

    private static String lastProbe(HealthState health) {
        if (health == null || health.getLog() == null || health.getLog().isEmpty()) {
            return "";
        }
        HealthStateLog last = health.getLog().get(health.getLog().size() - 1);
        String output = last.getOutput() == null ? "" : last.getOutput().strip();
        return "exit " + last.getExitCodeLong() + (output.isEmpty() ? "" : ": " + output);
    }

    /** The container's last {@code lines} lines of output (stdout and stderr). */
    public List<String> logs(int lines) throws EngineException, InterruptedException {
        List<String> collected = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        try {
            client.logContainerCmd(id).withStdOut(true).withStdErr(true).withTail(lines)
                    .exec(new ResultCallback.Adapter<Frame>() {
                        @Override
                        public void onNext(Frame frame) {
                            synchronized (text) {
                                text.append(new String(frame.getPayload(), StandardCharsets.UTF_8));
                            }
                        }
                    }).awaitCompletion(30, TimeUnit.SECONDS);
        } catch (DockerException e) {
            throw new EngineException("Could not read the logs of container " + shortId() + ": " + e.getMessage(), e);
        }
        synchronized (text) {
            text.toString().lines().map(String::stripTrailing).forEach(collected::add);
        }
        return collected;
    }

    /**
     * The effective UID of the container's main process, as the engine's host sees it ({@code docker top}: no shell
     * or tool is needed in the image). Empty when the container is not running.
     */
    public OptionalInt mainProcessEffectiveUid() throws EngineException {
        InspectContainerResponse.ContainerState state = inspect().getState();
        if (!Boolean.TRUE.equals(state.getRunning()) || state.getPidLong() == null) {
            return OptionalInt.empty();
        }
        String pid = Long.toString(state.getPidLong());
        TopContainerResponse top;
        try {
            top = client.topContainerCmd(id).withPsArgs("-o pid,euid").exec();
        } catch (DockerException e) {
            throw new EngineException("Could not list the processes of container " + shortId() + ": "
                    + e.getMessage(), e);
        }
        List<String> titles = Arrays.asList(top.getTitles());
        int pidColumn = titles.indexOf("PID");
        int uidColumn = titles.indexOf("EUID");
        if (pidColumn < 0 || uidColumn < 0) {
            throw new EngineException("The engine listed the processes of container " + shortId()
                    + " without PID and EUID columns: " + titles);
        }
        for (String[] process : top.getProcesses()) {
            if (pid.equals(process[pidColumn].strip())) {
                return OptionalInt.of(Integer.parseInt(process[uidColumn].strip()));
            }
        }
        return OptionalInt.empty();
    }

    /** The host port the engine published {@code containerPort} on. */
    public OptionalInt hostPort(int containerPort) throws EngineException {
        Ports ports = inspect().getNetworkSettings().getPorts();
        Ports.Binding[] bindings = ports == null ? null : ports.getBindings().get(ExposedPort.tcp(containerPort));
        if (bindings == null) {
            return OptionalInt.empty();
        }
        return Arrays.stream(bindings).map(Ports.Binding::getHostPortSpec)
                .filter(spec -> spec != null && spec.matches("[0-9]+")).mapToInt(Integer::parseInt).findFirst();
    }

    /** The host name to reach published ports on. */
    public String publishedHost() {
        return address.publishedHost();
    }

    /**
     * Asks the container to stop (its STOPSIGNAL, normally SIGTERM); the engine kills it when {@code timeout}
     * passes first.
     */
    public StopOutcome stop(Duration timeout) throws EngineException {
        long start = System.nanoTime();
        try {
            client.stopContainerCmd(id).withTimeout((int) Math.max(1, timeout.toSeconds())).exec();
        } catch (DockerException e) {
            if (!(e instanceof com.github.dockerjava.api.exception.NotModifiedException)) {
                throw new EngineException("Could not stop container " + shortId() + ": " + e.getMessage(), e);
            }
        }
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
        InspectContainerResponse.ContainerState state = inspect().getState();
        long exitCode = state.getExitCodeLong() == null ? -1 : state.getExitCodeLong();
        return new StopOutcome(exitCode, elapsed, Boolean.TRUE.equals(state.getOOMKilled()));
    }

    private InspectContainerResponse inspect() throws EngineException {
        try {
            return client.inspectContainerCmd(id).exec();
        } catch (DockerException e) {
            throw new EngineException("Could not inspect container " + shortId() + ": " + e.getMessage(), e);
        }
    }

    /** Removes the container (forced, with its anonymous volumes). */
    @Override
    public void close() {
        forceRemove();
        if (removeOnExit == null) {
            return;
        }
        try {
            Runtime.getRuntime().removeShutdownHook(removeOnExit);
        } catch (IllegalStateException e) {
            // the JVM is already shutting down: the hook runs, or has run, forceRemove
        }
    }

    private synchronized void forceRemove() {
        if (removed) {
            return;
        }
        try {
            client.removeContainerCmd(id).withForce(true).withRemoveVolumes(true).exec();
            removed = true;
        } catch (NotFoundException e) {
            removed = true;
        } catch (RuntimeException e) {
            log.warn("Could not remove container " + shortId() + ": " + e.getMessage()
                    + " (remove it with: docker rm -f " + shortId() + ")");
        }
    }
}
