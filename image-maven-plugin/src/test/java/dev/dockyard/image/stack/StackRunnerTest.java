package dev.dockyard.image.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import dev.dockyard.image.engine.ContainerSpec;
import dev.dockyard.image.engine.Engine;
import dev.dockyard.image.engine.EngineLog;
import dev.dockyard.image.engine.HealthCheckConfig;
import dev.dockyard.image.engine.HealthOutcome;

class StackRunnerTest {

    private final FakeStackEngine engine = new FakeStackEngine();
    private final List<String> log = new ArrayList<>();
    private final StackRunner runner = new StackRunner(engine, new EngineLog() {
        @Override
        public void info(String line) {
            log.add("INFO " + line);
        }

        @Override
        public void warn(String line) {
            log.add("WARN " + line);
        }

        @Override
        public void error(String line) {
            log.add("ERROR " + line);
        }

        @Override
        public void debug(String line) {
        }
    });

    private static StackRunner.StartRequest request(boolean sameHostPorts) throws StackException {
        StackPlan plan = StackPlan.of(List.of(
                ServiceSpec.of("orders", "acme/orders:1", List.of(8080), Map.of("TZ", "UTC"), List.of("inventory")),
                ServiceSpec.of("inventory", "acme/inventory:1", List.of(8081), Map.of(), List.of())));
        return new StackRunner.StartRequest(plan, "shop-1a2b", "shop-1a2b-run1", sameHostPorts, Hardening.defaults(),
                Duration.ofSeconds(60), Duration.ofSeconds(10), 30);
    }

    @Test
    void startsDependenciesFirstEachHealthyBeforeItsDependents() throws Exception {
        List<StackRunner.Started> started = runner.start(request(false));
        assertEquals(List.of("network dockyard-shop-1a2b-run1", "create inventory", "start inventory",
                "await inventory 60s", "create orders", "start orders", "await orders 60s"), engine.calls);
        assertEquals(List.of("inventory", "orders"), started.stream().map(StackRunner.Started::name).toList());
        assertEquals(Map.of(8081, 32849), started.get(0).ports());
        assertEquals(List.of(
                "INFO Starting 2 services in dependency order on network dockyard-shop-1a2b-run1"
                        + " (label dev.dockyard.run=shop-1a2b-run1): inventory, orders",
                "INFO Starting inventory (acme/inventory:1)",
                "INFO inventory is healthy after 1.5s, port 8081 on localhost:32849",
                "INFO Starting orders (acme/orders:1), after inventory",
                "INFO orders is healthy after 1.5s, port 8080 on localhost:32848"), log);
        ContainerSpec orders = engine.containers.get("c2");
        assertEquals("dockyard-shop-1a2b-run1-orders", orders.name());
        assertEquals("dockyard-shop-1a2b-run1", orders.network());
        assertEquals("orders", orders.alias());
        assertEquals(new TreeMap<>(Map.of(Engine.RUN_LABEL, "shop-1a2b-run1", StackRunner.STACK_LABEL, "shop-1a2b",
                StackRunner.SERVICE_LABEL, "orders")), orders.labels());
        assertTrue(orders.readOnly() && orders.dropCapabilities() && orders.noNewPrivileges());
        assertEquals(List.of("/tmp"), orders.tmpfs());
        assertEquals("65532:65532", orders.user());
        assertEquals(List.of("TZ=UTC"), orders.envEntries());
    }

    @Test
    void waitsAsLongAsTheImagesHealthCheckNeedsLikeVerify() throws Exception {
        engine.health.put("acme/inventory:1", new HealthCheckConfig(List.of("CMD", "probe"), Duration.ofSeconds(30),
                Duration.ofSeconds(10), Duration.ofSeconds(40), 3));
        runner.start(request(false));
        assertTrue(engine.calls.contains("await inventory 80s"), engine.calls.toString());
        assertTrue(engine.calls.contains("await orders 60s"), engine.calls.toString());
    }

    @Test
    void aDependencyThatNeverBecomesHealthyStopsTheStartAndLeavesNothing() throws Exception {
        engine.outcomes.put("acme/inventory:1", new HealthOutcome(HealthOutcome.Status.UNHEALTHY, -1,
                Duration.ofSeconds(4), "exit 1: http://127.0.0.1:8081/health -> 503"));
        StackException e = assertThrows(StackException.class, () -> runner.start(request(false)));
        assertEquals("Service inventory was reported unhealthy after 4s (last health check: exit 1:"
                + " http://127.0.0.1:8081/health -> 503) (needed by orders). Its last log lines are above; nothing of"
                + " the stack is left running.", e.getMessage());
        assertTrue(!engine.calls.contains("create orders"), engine.calls.toString());
        assertEquals(List.of(), engine.containersLabelled(StackRunner.STACK_LABEL, "shop-1a2b"));
        assertTrue(engine.networks.isEmpty());
        assertTrue(log.contains("ERROR inventory was reported unhealthy after 4s (last health check: exit 1:"
                + " http://127.0.0.1:8081/health -> 503); its last log lines follow"), log.toString());
        assertTrue(log.contains("ERROR   inventory log line (last 30)"), log.toString());
        assertTrue(log.contains("INFO Removed 1 container and network dockyard-shop-1a2b-run1 of this run"),
                log.toString());
    }

    @Test
    void aPortAlreadyInUseIsNamed() throws Exception {
        engine.startFailures.put("acme/inventory:1", "Could not start container c1: Status 500: driver failed"
                + " programming external connectivity on endpoint x: Error starting userland proxy: listen tcp4"
                + " 0.0.0.0:8081: bind: address already in use");
        StackException e = assertThrows(StackException.class, () -> runner.start(request(true)));
        assertTrue(e.getMessage().startsWith("Service inventory could not start: a host port it publishes (8081) is"
                + " already in use on the engine's host. Stop what listens there, or publish on random host ports"
                + " (image.start.hostPorts=false). The engine said: "), e.getMessage());
        assertTrue(engine.containers.isEmpty() && engine.networks.isEmpty());
    }

    @Test
    void aLaterStartCleansUpWhatAnEarlierOneLeftAndStopRemovesEverything() throws Exception {
        runner.start(request(false));
        engine.calls.clear();
        log.clear();
        runner.start(request(false));
        assertEquals(List.of("remove inventory", "remove orders", "remove network dockyard-shop-1a2b-run1",
                "network dockyard-shop-1a2b-run1"), engine.calls.subList(0, 4));
        assertEquals("INFO Removed 2 containers and network dockyard-shop-1a2b-run1 left by an earlier start of"
                + " shop-1a2b", log.get(0));
        engine.calls.clear();
        assertEquals(2, runner.stop("shop-1a2b", Duration.ofSeconds(10)));
        assertEquals(List.of("stop inventory", "stop orders", "remove inventory", "remove orders",
                "remove network dockyard-shop-1a2b-run1"), engine.calls);
        assertTrue(engine.containers.isEmpty() && engine.networks.isEmpty());
    }
}
