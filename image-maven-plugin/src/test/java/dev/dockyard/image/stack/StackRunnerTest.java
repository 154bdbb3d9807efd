package dev.dockyard.image.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dev.dockyard.image.engine.ContainerSpec;
import dev.dockyard.image.engine.ContainerState;
import dev.dockyard.image.engine.Engine;
import dev.dockyard.image.engine.EngineException;
import dev.dockyard.image.engine.FakeEngine;
import dev.dockyard.image.engine.RecordingLog;
import dev.dockyard.image.model.HealthCheckConfig;
import dev.dockyard.image.model.ImageDetails;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class StackRunnerTest {

    private static final HealthCheckConfig QUICK = new HealthCheckConfig(
            List.of("CMD", "probe"), Duration.ofMillis(100), Duration.ofMillis(100), Duration.ZERO, 3);

    private final FakeEngine engine = new FakeEngine()
            .image(image("acme/orders:1", QUICK))
            .image(image("acme/inventory:1", QUICK))
            .publish(8081, 32849)
            .publish(8080, 32848)
            .logs("inventory: database unavailable");
    private final RecordingLog recording = new RecordingLog();
    private final List<String> log = recording.lines();
    private final StackRunner runner = new StackRunner(engine, recording);

    private static ImageDetails image(String tag, HealthCheckConfig health) {
        return new ImageDetails(
                "sha256:" + Integer.toHexString(tag.hashCode()) + "0".repeat(56),
                List.of(tag),
                1_000_000,
                "2026-01-01T00:00:00Z",
                "65532:65532",
                health,
                Set.of(),
                Map.of(),
                List.of());
    }

    private static StackRunner.StartRequest request(boolean sameHostPorts) throws StackException {
        StackPlan plan = StackPlan.of(List.of(
                Services.service("orders", "acme/orders:1", List.of(8080), Map.of("TZ", "UTC"), List.of("inventory")),
                Services.service("inventory", "acme/inventory:1", List.of(8081), Map.of(), List.of())));
        return new StackRunner.StartRequest(
                plan,
                "shop-1a2b",
                "/src/shop/tests",
                "shop-1a2b-run1",
                sameHostPorts,
                Hardening.defaults(),
                Duration.ofSeconds(60),
                Duration.ofSeconds(10),
                30);
    }

    private String id(String alias) {
        return engine.containers.entrySet().stream()
                .filter(e -> alias.equals(e.getValue().alias()))
                .map(Map.Entry::getKey)
                .findFirst()
                .orElseThrow();
    }

    @Test
    void startsDependenciesFirstEachHealthyBeforeItsDependents() throws Exception {
        engine.states("acme/inventory:1", ContainerState.running("starting"), ContainerState.running("healthy"));
        engine.states("acme/orders:1", ContainerState.running("healthy"));
        List<StackRunner.Started> started = runner.start(request(false));
        assertEquals(
                List.of("network dockyard-shop-1a2b-run1", "run acme/inventory:1", "run acme/orders:1"), engine.calls);
        assertEquals(
                List.of("inventory", "orders"),
                started.stream().map(StackRunner.Started::name).toList());
        assertEquals(Map.of(8081, 32849), started.get(0).ports());
        assertEquals(
                "INFO Starting 2 services in dependency order on network dockyard-shop-1a2b-run1"
                        + " (label dev.dockyard.run=shop-1a2b-run1): inventory, orders",
                log.get(0));
        assertEquals("INFO Starting inventory (acme/inventory:1)", log.get(1));
        assertTrue(
                log.get(2).matches("INFO inventory is healthy after [0-9.]+s, port 8081 on 127\\.0\\.0\\.1:32849"),
                log.get(2));
        assertEquals("INFO Starting orders (acme/orders:1), after inventory", log.get(3));
        assertTrue(log.get(4).startsWith("INFO orders is healthy after "), log.get(4));
        ContainerSpec orders = engine.containers.get(id("orders"));
        assertEquals("dockyard-shop-1a2b-run1-orders", orders.name());
        assertEquals("dockyard-shop-1a2b-run1", orders.network());
        assertEquals(
                new TreeMap<>(Map.of(
                        Engine.RUN_LABEL,
                        "shop-1a2b-run1",
                        StackRunner.STACK_LABEL,
                        "shop-1a2b",
                        StackRunner.SERVICE_LABEL,
                        "orders",
                        Engine.PROJECT_LABEL,
                        "/src/shop/tests")),
                orders.labels());
        assertTrue(orders.readOnly() && orders.dropCapabilities() && orders.noNewPrivileges());
        assertEquals(List.of("/tmp"), orders.tmpfs());
        assertEquals("65532:65532", orders.user());
        assertEquals(List.of("TZ=UTC"), orders.envEntries());
    }

    @Test
    void aServiceThatAnswersItsHealthPathIsHealthyWithoutWaitingForTheEnginesFirstCheck() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/health", e -> {
            e.sendResponseHeaders(200, -1);
            e.close();
        });
        server.start();
        try {
            FakeEngine answering = new FakeEngine()
                    .image(image("acme/orders:1", QUICK))
                    .image(image("acme/inventory:1", QUICK))
                    .publish(8081, server.getAddress().getPort())
                    .publish(8080, server.getAddress().getPort())
                    .states(ContainerState.running("starting"));
            new StackRunner(answering, recording).start(request(false));
            assertTrue(
                    log.stream()
                            .anyMatch(
                                    l -> l.matches(
                                            "INFO inventory is healthy after [0-9.]+s \\(GET /health"
                                                    + " answered 200; the image's HEALTHCHECK passed when run at once\\), port 8081 on .*")),
                    log.toString());
            assertTrue(answering.calls.contains("exec c1 probe"), answering.calls.toString());
        } finally {
            server.stop(0);
        }
    }

    @Test
    void waitsAsLongAsTheImagesHealthCheckNeedsLikeVerify() throws Exception {
        engine.image(image(
                "acme/inventory:1",
                new HealthCheckConfig(
                        List.of("CMD", "probe"),
                        Duration.ofMillis(30),
                        Duration.ofMillis(20),
                        Duration.ofMillis(100),
                        3)));
        engine.states("acme/inventory:1", ContainerState.running("starting"));
        StackRunner.StartRequest quick = new StackRunner.StartRequest(
                request(false).plan(),
                "shop-1a2b",
                "/p",
                "shop-1a2b-run1",
                false,
                Hardening.defaults(),
                Duration.ofMillis(10),
                Duration.ofSeconds(1),
                5);
        StackException e = assertThrows(StackException.class, () -> runner.start(quick));
        // not the 10ms asked for: the image's start period + interval + timeout
        assertTrue(
                e.getMessage().startsWith("Service inventory was not healthy within 0.2s (<healthTimeout>)"),
                e.getMessage());
    }

    @Test
    void aDependencyThatNeverBecomesHealthyStopsTheStartAndLeavesNothing() throws Exception {
        engine.states(
                "acme/inventory:1",
                ContainerState.running("unhealthy").withLastProbe("exit 1: http://127.0.0.1:8081/health -> 503"));
        StackException e = assertThrows(StackException.class, () -> runner.start(request(false)));
        assertTrue(
                e.getMessage()
                        .matches("Service inventory was reported unhealthy after [0-9.]+s \\(last health"
                                + " check: exit 1: http://127\\.0\\.0\\.1:8081/health -> 503\\) \\(needed by orders\\)\\. Its last log"
                                + " lines are above; nothing of the stack is left running\\."),
                e.getMessage());
        assertTrue(!engine.calls.contains("run acme/orders:1"), engine.calls.toString());
        assertTrue(engine.containers.isEmpty() && engine.networks.isEmpty());
        assertTrue(log.contains("ERROR   inventory: database unavailable"), log.toString());
        assertEquals(
                "INFO Removed 1 container and network dockyard-shop-1a2b-run1 of this run", log.get(log.size() - 1));
    }

    @Test
    void aPortAlreadyInUseIsNamed() throws Exception {
        engine.failRun(
                "acme/inventory:1",
                new EngineException("Could not start a container of acme/inventory:1:"
                        + " Status 500: driver failed programming external connectivity on endpoint x: Error starting"
                        + " userland proxy: listen tcp4 0.0.0.0:8081: bind: address already in use"));
        StackException e = assertThrows(StackException.class, () -> runner.start(request(true)));
        assertTrue(
                e.getMessage()
                        .startsWith("Service inventory could not start: a host port it publishes (8081) is"
                                + " already in use on the engine's host. Stop what listens there, or publish on random host ports"
                                + " (<hostPorts>=false). The engine said: "),
                e.getMessage());
        assertTrue(engine.containers.isEmpty() && engine.networks.isEmpty());
    }

    @Test
    void aLaterStartCleansUpWhatAnEarlierOneLeftAndStopRemovesEverything() throws Exception {
        engine.states(ContainerState.running("healthy"));
        runner.start(request(false));
        String inventory = id("inventory").substring(0, 2);
        String orders = id("orders").substring(0, 2);
        engine.calls.clear();
        log.clear();
        runner.start(request(false));
        assertEquals(
                List.of(
                        "remove " + inventory,
                        "remove " + orders,
                        "remove-network dockyard-shop-1a2b-run1",
                        "network dockyard-shop-1a2b-run1"),
                engine.calls.subList(0, 4));
        assertEquals(
                "INFO Removed 2 containers and network dockyard-shop-1a2b-run1 left by an earlier start of"
                        + " shop-1a2b",
                log.get(0));
        assertEquals(2, runner.stop("shop-1a2b", Duration.ofSeconds(10)));
        assertTrue(engine.containers.isEmpty() && engine.networks.isEmpty());
    }
}
