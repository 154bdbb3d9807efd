package dev.dockyard.image.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What an interrupted goal leaves on the engine: the hook removes the run's containers and network through a
 * connection of its own, and a later run removes only what a process that has ended started.
 */
class LeftoversTest {

    private final FakeEngine engine = new FakeEngine();
    private final RecordingLog log = new RecordingLog();

    @Test
    void theHookRemovesTheRunsContainersAndNetworkThroughItsOwnConnection() throws Exception {
        engine.createNetwork("dockyard-run-1", Map.of(Engine.RUN_LABEL, "run-1"));
        String mine = engine.run(new ContainerSpec("orders", Map.of(Engine.RUN_LABEL, "run-1"), List.of()));
        String other = engine.run(new ContainerSpec("orders", Map.of(Engine.RUN_LABEL, "run-2"), List.of()));
        boolean[] closed = {false};
        Leftovers hook = hook(() -> new ForwardingEngine(engine) {
            @Override
            public void close() {
                closed[0] = true;
            }
        });
        EngineException gone = new EngineException("Could not inspect container " + mine + ": no such container");
        assertEquals(gone, hook.unlessEnding(gone), "the goal's own failure while the JVM is not ending");

        hook.removeInterrupted();

        // the hook ran, the JVM is ending: the goal's thread keeps quiet until the JVM halts
        Throwable[] ended = {null};
        Thread goal = new Thread(() -> {
            try {
                hook.unlessEnding(gone);
            } catch (InterruptedException e) {
                ended[0] = e;
            }
        });
        goal.start();
        goal.join(300);
        assertTrue(goal.isAlive(), "quiet while the JVM ends");
        goal.interrupt();
        goal.join(5000);
        assertTrue(ended[0] instanceof InterruptedException);
        assertFalse(engine.containers.containsKey(mine));
        assertTrue(engine.containers.containsKey(other));
        assertTrue(engine.networks.isEmpty());
        assertTrue(closed[0], "the hook's own connection is closed");
        assertEquals(
                List.of("INFO Removed 1 container and network dockyard-run-1 of the interrupted image:verify"),
                log.lines());
    }

    @Test
    void anEngineTheHookCannotReachIsOneWarning() {
        Leftovers hook = hook(() -> {
            throw new EngineException("Cannot connect to the Docker engine at unix:///gone.sock");
        });

        hook.removeInterrupted();

        assertEquals(
                List.of("WARN Could not remove the containers of the interrupted image:verify (Cannot connect to the"
                        + " Docker engine at unix:///gone.sock): the next image:verify of this module removes them"),
                log.lines());
    }

    @Test
    void aLaterRunRemovesOnlyWhatAnEndedProcessOfThisHostStarted() throws Exception {
        String host = Leftovers.owner().split(" ")[0];
        Process ended = new ProcessBuilder("cat").start();
        long endedStart = ended.info().startInstant().map(Instant::toEpochMilli).orElseThrow();
        ended.destroy();
        ended.waitFor();

        String live = labelled(Leftovers.owner());
        String dead = labelled(host + " " + ended.pid() + " " + endedStart);
        String reused = labelled(host + " " + ProcessHandle.current().pid() + " 1");
        String elsewhere = labelled("another-host 1 1");
        String unowned = labelled(null);

        assertEquals("3 containers", Leftovers.removeAbandoned(engine, "dev.dockyard.verify", "/projects/orders"));

        assertEquals(List.of(live, elsewhere), List.copyOf(engine.containers.keySet()));
        assertFalse(engine.containers.containsKey(dead));
        assertFalse(engine.containers.containsKey(reused), "a process id given again to a later process");
        assertFalse(engine.containers.containsKey(unowned));
        assertEquals("", Leftovers.removeAbandoned(engine, "dev.dockyard.verify", "/projects/orders"));
    }

    /** The hook of run-1's verification, deregistered: the tests run it themselves. */
    private Leftovers hook(Reconnect reconnect) {
        Leftovers hook = Leftovers.removeOnExit(
                engine,
                reconnect,
                Engine.RUN_LABEL,
                "run-1",
                log,
                "of the interrupted image:verify",
                "the next image:verify of this module");
        hook.close();
        return hook;
    }

    private String labelled(String owner) throws EngineException {
        Map<String, String> labels = owner == null
                ? Map.of("dev.dockyard.verify", "/projects/orders")
                : Map.of("dev.dockyard.verify", "/projects/orders", Leftovers.OWNER_LABEL, owner);
        return engine.run(new ContainerSpec("orders", labels, List.of()));
    }
}
