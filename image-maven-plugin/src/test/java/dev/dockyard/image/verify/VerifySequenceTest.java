package dev.dockyard.image.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dev.dockyard.image.engine.ContainerSpec;
import dev.dockyard.image.engine.ContainerState;
import dev.dockyard.image.engine.Engine;
import dev.dockyard.image.engine.EngineException;
import dev.dockyard.image.engine.ExecResult;
import dev.dockyard.image.engine.FakeEngine;
import dev.dockyard.image.engine.ForwardingEngine;
import dev.dockyard.image.engine.Leftovers;
import dev.dockyard.image.engine.RecordingLog;
import dev.dockyard.image.engine.StopOutcome;
import dev.dockyard.image.model.HealthCheckConfig;
import dev.dockyard.image.model.ImageDetails;
import dev.dockyard.image.support.CoreException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The live part of {@code image:verify} against {@link FakeEngine}: waiting for healthy, the container exiting or
 * never becoming healthy, the HTTP check, the stop, and the container removed in every outcome.
 */
class VerifySequenceTest {

    private static final HealthCheckConfig QUICK = new HealthCheckConfig(
            List.of("CMD", "/probe"), Duration.ofMillis(100), Duration.ofMillis(100), Duration.ZERO, 3);

    private static final ImageDetails IMAGE = new ImageDetails(
            "sha256:" + "a".repeat(64),
            List.of("orders:1.0"),
            1_000_000,
            "2026-01-01T00:00:00Z",
            "65532:65532",
            QUICK,
            Set.of("8080/tcp"),
            Map.of("org.opencontainers.image.title", "Orders"),
            List.of());

    private final RecordingLog log = new RecordingLog();
    private final List<String> logged = log.lines();

    private HttpServer server;
    private FakeEngine engine;

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/health", e -> {
            e.sendResponseHeaders(204, -1);
            e.close();
        });
        server.createContext("/moved", e -> {
            e.getResponseHeaders().add("Location", "/sick");
            e.sendResponseHeaders(302, -1);
            e.close();
        });
        server.createContext("/sick", e -> {
            e.sendResponseHeaders(503, -1);
            e.close();
        });
        server.start();
        engine = new FakeEngine().image(IMAGE).publish(8080, server.getAddress().getPort());
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void healthyAfterStartingThenEveryLiveCheckPassesAndTheContainerIsRemoved() throws Exception {
        // the service answers 503 to the ask while the engine reports starting (the next ask would come only 100 ms
        // later): the engine's checks decide
        engine.states(
                ContainerState.running("starting"),
                ContainerState.running("starting"),
                ContainerState.running("healthy"));
        AtomicInteger asked = new AtomicInteger();
        server.createContext("/ready-late", e -> {
            int status = asked.incrementAndGet() > 1 ? 204 : 503;
            e.sendResponseHeaders(status, -1);
            e.close();
        });
        Verification verification = verify(request("/ready-late", Duration.ofSeconds(5)));

        assertEquals(
                List.of(), verification.failures().stream().map(Check::line).toList());
        assertEquals(
                List.of(
                        "size",
                        "non-root-user",
                        "healthcheck",
                        "exposed-ports",
                        "labels",
                        "healthy",
                        "process-user",
                        "http-probe",
                        "sigterm-stop"),
                names(verification));
        assertTrue(
                check(verification, "healthy").message().matches("healthy after [0-9.]+s"),
                check(verification, "healthy").message());
        assertTrue(check(verification, "http-probe").message().startsWith("GET /ready-late answered 204"));
        assertEquals(List.of("run " + IMAGE.id(), "stop c1", "remove c1"), engine.calls);
        assertTrue(engine.containers.isEmpty());
        assertTrue(logged.contains("INFO Starting a container of aaaaaaaaaaaa (label dev.dockyard.run=run-1)"));
    }

    @Test
    void aContainerAnEndedVerificationOfTheModuleLeftIsRemovedFirstAndOneOfALiveOneStays() throws Exception {
        engine.states(ContainerState.running("healthy"));
        String project = "/projects/orders";
        String left = engine.run(new ContainerSpec(
                IMAGE.id(),
                Map.of(ImageVerifier.VERIFY_LABEL, project, Leftovers.OWNER_LABEL, endedOwner()),
                List.of()));
        String concurrent = engine.run(new ContainerSpec(
                IMAGE.id(),
                Map.of(ImageVerifier.VERIFY_LABEL, project, Leftovers.OWNER_LABEL, Leftovers.owner()),
                List.of()));
        List<Map<String, String>> started = new ArrayList<>();
        Engine recording = new ForwardingEngine(engine) {
            @Override
            public String run(ContainerSpec spec) throws EngineException {
                started.add(spec.labels());
                return super.run(spec);
            }
        };
        VerifyRequest request = request("/health", Duration.ofSeconds(5));
        new ImageVerifier(recording, log, Duration.ofMillis(10))
                .verify(new VerifyRequest(
                        request.image(),
                        request.maxImageSize(),
                        request.ports(),
                        request.requiredLabels(),
                        true,
                        request.healthTimeout(),
                        request.healthPath(),
                        request.healthPort(),
                        request.stopTimeout(),
                        request.logLines(),
                        "run-1",
                        Map.of(Engine.PROJECT_LABEL, project)));
        assertFalse(engine.containers.containsKey(left));
        assertEquals(List.of(concurrent), List.copyOf(engine.containers.keySet()));
        assertTrue(logged.contains("INFO Removed 1 container left by an interrupted image:verify of " + project));
        assertEquals(project, started.get(0).get(ImageVerifier.VERIFY_LABEL));
        assertEquals(Leftovers.owner(), started.get(0).get(Leftovers.OWNER_LABEL));
        assertEquals("run-1", started.get(0).get(Engine.RUN_LABEL));
        engine.remove(concurrent);
    }

    @Test
    void aServiceThatAnswersWhileStartingIsHealthyOnceTheImagesOwnCheckPassesRunAtOnce() throws Exception {
        engine.states(ContainerState.running("starting"));
        Verification verification = verify(request("/health", Duration.ofSeconds(5)));

        assertEquals(
                List.of(), verification.failures().stream().map(Check::line).toList());
        assertTrue(
                check(verification, "healthy")
                        .message()
                        .matches("healthy after [0-9.]+s \\(GET /health"
                                + " answered 204; the image's HEALTHCHECK passed when run at once\\)"),
                check(verification, "healthy").message());
        assertEquals(List.of("run " + IMAGE.id(), "exec c1 /probe", "stop c1", "remove c1"), engine.calls);
    }

    @Test
    void whenTheImagesCheckRunAtOnceFailsTheEngineDecidesAndItIsNotRunAgain() throws Exception {
        engine.states(
                        ContainerState.running("starting"),
                        ContainerState.running("starting"),
                        ContainerState.running("starting"),
                        ContainerState.running("unhealthy").withLastProbe("exit 1: 503"))
                .exec(new ExecResult(1, "probe: connection refused\nsecond line"));
        Check healthy = check(verify(request("/health", Duration.ofSeconds(5))), "healthy");

        assertTrue(
                healthy.message().startsWith("the engine reported the container unhealthy after"), healthy.message());
        assertEquals(1, engine.calls.stream().filter(c -> c.startsWith("exec ")).count(), engine.calls.toString());
        assertTrue(
                logged.stream()
                        .anyMatch(l -> l.matches("INFO GET /health answered 204 after [0-9.]+s, but the"
                                + " image's HEALTHCHECK run at once gave exit 1: probe: connection refused: waiting for the"
                                + " engine's own checks")),
                logged.toString());
    }

    @Test
    void withoutAHealthPathNothingIsAskedButTheEngine() throws Exception {
        engine.states(ContainerState.running("starting"), ContainerState.running("healthy"));
        Verification verification = verify(request(null, Duration.ofSeconds(5)));

        assertEquals("healthy after", check(verification, "healthy").message().replaceAll(" [0-9.]+s$", ""));
        assertTrue(engine.calls.stream().noneMatch(c -> c.startsWith("exec ")), engine.calls.toString());
    }

    @Test
    void theContainerCarriesTheRunLabelAndPublishesTheHealthPort() throws Exception {
        engine.states(ContainerState.running("healthy"));
        List<ContainerSpec> started = new ArrayList<>();
        Engine recording = new ForwardingEngine(engine) {
            @Override
            public String run(ContainerSpec spec) throws EngineException {
                started.add(spec);
                return super.run(spec);
            }
        };
        new ImageVerifier(recording, log, Duration.ofMillis(10))
                .verify(new VerifyRequest(
                        IMAGE.id(),
                        150_000_000,
                        List.of(8080),
                        List.of(),
                        true,
                        Duration.ofSeconds(5),
                        "/health",
                        9090,
                        Duration.ofSeconds(10),
                        5,
                        "run-2",
                        Map.of(Engine.PROJECT_LABEL, "/src/orders")));
        assertEquals(
                Map.of(
                        Engine.RUN_LABEL,
                        "run-2",
                        Engine.PROJECT_LABEL,
                        "/src/orders",
                        ImageVerifier.VERIFY_LABEL,
                        "/src/orders",
                        Leftovers.OWNER_LABEL,
                        Leftovers.owner()),
                started.get(0).labels());
        assertEquals(List.of(8080, 9090), started.get(0).ports());
    }

    @Test
    void aRedirectCountsAsHealthyAsInTheProbeAnd5xxFails() throws Exception {
        engine.states(ContainerState.running("healthy"));
        assertFalse(check(verify(request("/moved", Duration.ofSeconds(5))), "http-probe")
                .failed());

        engine = new FakeEngine()
                .image(IMAGE)
                .publish(8080, server.getAddress().getPort())
                .states(ContainerState.running("healthy"));
        Check sick = check(verify(request("/sick", Duration.ofSeconds(5))), "http-probe");
        assertTrue(sick.failed());
        assertTrue(sick.message().endsWith(", not 2xx or 3xx"), sick.message());
        assertTrue(engine.containers.isEmpty());
    }

    @Test
    void exitingAtStartFailsWithTheLogsSkipsTheRestAndRemovesTheContainer() throws Exception {
        engine.states(
                        ContainerState.running("starting"),
                        ContainerState.exited(3).withLastProbe("exit 1: refused"))
                .logs("starting", "missing configuration: DB_URL");
        Verification verification = verify(request("/sick", Duration.ofSeconds(5)));

        Check healthy = check(verification, "healthy");
        assertTrue(healthy.failed());
        assertTrue(healthy.message().startsWith("the container exited with status 3 after "), healthy.message());
        assertTrue(healthy.message().contains("(last health check: exit 1: refused)"), healthy.message());
        assertEquals(List.of("starting", "missing configuration: DB_URL"), healthy.output());
        for (String name : List.of("process-user", "http-probe", "sigterm-stop")) {
            assertEquals(Check.Status.SKIPPED, check(verification, name).status(), name);
        }
        assertEquals(List.of("run " + IMAGE.id(), "logs c1", "remove c1"), engine.calls);
        assertTrue(engine.containers.isEmpty());
    }

    @Test
    void unhealthyFails() throws Exception {
        engine.states(ContainerState.running("unhealthy").withLastProbe("exit 1: 503"));
        Check healthy = check(verify(request("/health", Duration.ofSeconds(5))), "healthy");
        assertTrue(
                healthy.message().startsWith("the engine reported the container unhealthy after"), healthy.message());
        assertEquals(List.of("(the container wrote no output)"), healthy.output());
        assertTrue(engine.containers.isEmpty());
    }

    @Test
    void neverHealthyTimesOut() throws Exception {
        engine.states(ContainerState.running("starting"));
        Check healthy = check(verify(request("/sick", Duration.ofMillis(300))), "healthy");
        assertTrue(healthy.failed());
        assertTrue(
                CoreException.plain(healthy.message())
                        .startsWith("the container was not healthy within 0.3s (<healthTimeout>)"),
                healthy.message());
        assertTrue(
                healthy.time().compareTo(Duration.ofMillis(300)) >= 0,
                healthy.time().toString());
        assertTrue(engine.containers.isEmpty());
    }

    @Test
    void killedOnStopAndRootProcessFail() throws Exception {
        engine.states(ContainerState.running("healthy"))
                .afterStop(ContainerState.exited(StopOutcome.SIGKILL_EXIT))
                .uid(0);
        Verification verification = verify(request("/health", Duration.ofSeconds(5)));
        assertTrue(check(verification, "process-user").failed());
        assertTrue(CoreException.plain(check(verification, "sigterm-stop").message())
                .startsWith("the container did not stop within"
                        + " <stopTimeout> 10s of SIGTERM and was killed (exit status 137)"));
        assertTrue(engine.containers.isEmpty());
    }

    @Test
    void anEngineFaultMidwayStillRemovesTheContainer() {
        engine.states(ContainerState.running("healthy"));
        Engine failing = new ForwardingEngine(engine) {
            @Override
            public java.util.OptionalInt mainProcessEffectiveUid(String containerId) throws EngineException {
                throw new EngineException("Could not list the processes of container c1: connection reset");
            }
        };
        EngineException e = assertThrows(
                EngineException.class,
                () -> new ImageVerifier(failing, log, Duration.ofMillis(10))
                        .verify(request("/health", Duration.ofSeconds(5))));
        assertEquals("Could not list the processes of container c1: connection reset", e.getMessage());
        assertEquals(List.of("run " + IMAGE.id(), "remove c1"), engine.calls);
    }

    @Test
    void interruptionEndsTheWaitAndRemovesTheContainer() {
        engine.states(ContainerState.running("starting"));
        Thread.currentThread().interrupt();
        try {
            assertThrows(InterruptedException.class, () -> verify(request("/health", Duration.ofSeconds(30))));
        } finally {
            Thread.interrupted();
        }
        assertEquals(List.of("run " + IMAGE.id(), "remove c1"), engine.calls);
        assertTrue(engine.containers.isEmpty());
    }

    @Test
    void aContainerThatCannotStartLeavesNothing() {
        engine.failRun(new EngineException("Could not start a container of orders: port is already allocated"));
        assertThrows(EngineException.class, () -> verify(request("/health", Duration.ofSeconds(5))));
        assertTrue(engine.containers.isEmpty());
    }

    @Test
    void staticChecksOnlyStartNothing() throws Exception {
        Verification verification = new ImageVerifier(engine, log)
                .verify(new VerifyRequest(
                        IMAGE.id(),
                        150_000_000,
                        List.of(8080),
                        List.of(),
                        false,
                        Duration.ofSeconds(5),
                        "/health",
                        8080,
                        Duration.ofSeconds(10),
                        5,
                        "run-1",
                        Map.of()));
        assertEquals(5, verification.checks().size());
        assertEquals(List.of(), engine.calls);
    }

    /** A process of this host that has ended: process 1 did not start at the epoch's first millisecond. */
    private static String endedOwner() {
        return Leftovers.owner().split(" ")[0] + " 1 1";
    }

    private Verification verify(VerifyRequest request) throws Exception {
        return new ImageVerifier(engine, log, Duration.ofMillis(10)).verify(request);
    }

    private static VerifyRequest request(String healthPath, Duration healthTimeout) {
        return new VerifyRequest(
                IMAGE.id(),
                150_000_000,
                List.of(8080),
                List.of("org.opencontainers.image.title"),
                true,
                healthTimeout,
                healthPath,
                8080,
                Duration.ofSeconds(10),
                5,
                "run-1",
                Map.of());
    }

    private static List<String> names(Verification verification) {
        return verification.checks().stream().map(Check::name).toList();
    }

    private static Check check(Verification verification, String name) {
        return verification.checks().stream()
                .filter(c -> c.name().equals(name))
                .findFirst()
                .orElseThrow();
    }
}
