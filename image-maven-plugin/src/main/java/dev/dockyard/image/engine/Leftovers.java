package dev.dockyard.image.engine;

import dev.dockyard.image.support.CoreException;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a goal leaves on the engine when the JVM ends before the goal does (Ctrl-C, a kill), and how it goes away.
 * While the goal runs, a shutdown hook ({@link #removeOnExit}) holds the label of its run: if the JVM ends first,
 * the hook removes every container and network carrying it, through a connection of its own. What no hook could
 * remove (the engine was unreachable, the process was killed with SIGKILL), the next run finds by label and removes
 * ({@link #removeAll}, {@link #removeAbandoned}). {@code image:start} and {@code image:verify} share this.
 *
 * <p>A container that only lives as long as the goal that started it carries its owner ({@value #OWNER_LABEL}: the
 * host, the process id and when that process started), so that a later run removes what a process that is gone
 * started, never what a concurrent build of the same module still uses.
 */
public final class Leftovers implements AutoCloseable {

    /** Label on a container that lives only as long as the process that started it: {@link #owner()}. */
    public static final String OWNER_LABEL = "dev.dockyard.owner";

    private static final String HOST = host();

    /** How long a goal's thread keeps quiet while the hook removes what the goal started and the JVM ends. */
    static final Duration QUIET = Duration.ofMinutes(1);

    private final Engine engine;
    private final Reconnect reconnect;
    private final String label;
    private final String value;
    private final EngineLog log;
    private final String which;
    private final String later;
    private final Thread hook;
    private volatile boolean ending;

    private Leftovers(
            Engine engine, Reconnect reconnect, String label, String value, EngineLog log, String which, String later) {
        this.engine = engine;
        this.reconnect = reconnect;
        this.label = label;
        this.value = value;
        this.log = log;
        this.which = which;
        this.later = later;
        this.hook = new Thread(this::removeInterrupted, "dockyard-leftovers-" + value);
    }

    /**
     * Registers a shutdown hook that, if the JVM ends before {@link #close()}, removes every container and network
     * whose {@code label} is {@code value}.
     *
     * @param engine    the build's connection (not closed by the hook)
     * @param reconnect how the hook reaches the engine (the build's connection is torn down with the JVM)
     * @param which     what the removed things were, for the log line: {@code "of the interrupted image:verify"}
     * @param later     what removes them if the hook cannot: {@code "the next image:verify of orders"}
     */
    public static Leftovers removeOnExit(
            Engine engine, Reconnect reconnect, String label, String value, EngineLog log, String which, String later) {
        Leftovers leftovers = new Leftovers(engine, reconnect, label, value, log, which, later);
        Runtime.getRuntime().addShutdownHook(leftovers.hook);
        return leftovers;
    }

    /** What the hook does: one line either way, never a stack trace. */
    void removeInterrupted() {
        ending = true;
        try {
            Engine fresh = reconnect.open();
            try {
                String removed = removeAll(fresh, label, value);
                if (!removed.isEmpty()) {
                    log.info("Removed " + removed + " " + which);
                }
            } finally {
                if (fresh != engine) {
                    fresh.close();
                }
            }
        } catch (EngineException | RuntimeException e) {
            log.warn("Could not remove the containers " + which + " (" + CoreException.markedMessage(e) + "): " + later
                    + " removes them");
        }
    }

    /**
     * {@code failure} as the goal should report it. While the hook runs the JVM is ending, and the goal's own calls
     * fail because the hook removed what they asked about: then the calling thread says nothing and waits for the
     * JVM to halt (at most {@link #QUIET}), so that the interruption ends with the hook's one line.
     *
     * @throws InterruptedException when the hook runs and the JVM has not halted within {@link #QUIET}
     */
    public EngineException unlessEnding(EngineException failure) throws InterruptedException {
        if (ending) {
            Thread.sleep(QUIET.toMillis());
            InterruptedException interrupted = new InterruptedException("the JVM is ending");
            interrupted.addSuppressed(failure);
            throw interrupted;
        }
        return failure;
    }

    /** The goal ended by itself: the hook is not needed. */
    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the JVM is ending: the hook runs
        }
    }

    /**
     * Removes every container (forced, with its anonymous volumes), then every network, whose {@code label} is
     * {@code value}.
     *
     * @return what was removed ({@code "2 containers and network dockyard-x"}), empty when nothing was
     */
    public static String removeAll(Engine engine, String label, String value) throws EngineException {
        List<String> containers = engine.containersLabelled(label, value);
        for (String id : containers) {
            engine.remove(id);
        }
        List<String> networks = engine.networksLabelled(label, value);
        for (String network : networks) {
            engine.removeNetwork(network);
        }
        List<String> removed = new ArrayList<>();
        if (!containers.isEmpty()) {
            removed.add(containers(containers.size()));
        }
        if (!networks.isEmpty()) {
            removed.add("network " + String.join(", ", networks));
        }
        return String.join(" and ", removed);
    }

    /**
     * Removes the containers whose {@code label} is {@code value} and whose owner ({@value #OWNER_LABEL}) is a
     * process of this host that has ended, or is not recorded; a container of a live process, or of another host,
     * stays.
     *
     * @return what was removed ({@code "1 container"}), empty when nothing was
     */
    public static String removeAbandoned(Engine engine, String label, String value) throws EngineException {
        int removed = 0;
        for (String id : engine.containersLabelled(label, value)) {
            String owner = engine.containerLabels(id).get(OWNER_LABEL);
            if (owner == null || ended(owner)) {
                engine.remove(id);
                removed++;
            }
        }
        return removed == 0 ? "" : containers(removed);
    }

    /** This process, as {@value #OWNER_LABEL} records it: {@code host pid start-millis}. */
    public static String owner() {
        ProcessHandle self = ProcessHandle.current();
        return HOST + " " + self.pid() + " " + started(self);
    }

    /** Whether {@code owner} ({@link #owner()}) is a process of this host that has ended. */
    static boolean ended(String owner) {
        String[] parts = owner.split(" ");
        if (parts.length != 3 || !parts[0].equals(HOST)) {
            return false;
        }
        try {
            Optional<ProcessHandle> process = ProcessHandle.of(Long.parseLong(parts[1]));
            // a process id the system gave again to a later process is an ended owner too
            return process.isEmpty() || !process.get().isAlive() || started(process.get()) != Long.parseLong(parts[2]);
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static long started(ProcessHandle process) {
        return process.info().startInstant().map(Instant::toEpochMilli).orElse(0L);
    }

    private static String containers(int count) {
        return count + " container" + (count == 1 ? "" : "s");
    }

    private static String host() {
        try {
            return Files.readString(Path.of("/proc/sys/kernel/hostname")).strip();
        } catch (IOException | RuntimeException e) {
            try {
                return InetAddress.getLocalHost().getHostName();
            } catch (IOException | RuntimeException unknown) {
                return "localhost";
            }
        }
    }
}
