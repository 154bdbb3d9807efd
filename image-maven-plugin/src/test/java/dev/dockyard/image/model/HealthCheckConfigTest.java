package dev.dockyard.image.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.dockyard.image.engine.ExecResult;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The image's HEALTHCHECK as a command to run in the container, as the engine runs it. */
class HealthCheckConfigTest {

    private static HealthCheckConfig check(String... test) {
        return new HealthCheckConfig(List.of(test), Duration.ofSeconds(10), Duration.ofSeconds(3), Duration.ZERO, 3);
    }

    @Test
    void execFormRunsItsArguments() {
        assertEquals(
                List.of("/opt/java/bin/java", "-cp", "/app/probe", "HealthProbe"),
                check("CMD", "/opt/java/bin/java", "-cp", "/app/probe", "HealthProbe")
                        .command());
    }

    @Test
    void shellFormRunsThroughBinSh() {
        assertEquals(
                List.of("/bin/sh", "-c", "curl -fsS http://localhost:8080/health || exit 1"),
                check("CMD-SHELL", "curl -fsS http://localhost:8080/health || exit 1")
                        .command());
    }

    @Test
    void noCheckHasNoCommand() {
        assertEquals(
                "the image defines no HEALTHCHECK",
                assertThrows(IllegalStateException.class, () -> check("NONE").command())
                        .getMessage());
    }

    @Test
    void execResultSummaryNamesTheExitAndTheFirstLine() {
        assertEquals("exit 1: connection refused", new ExecResult(1, "\nconnection refused\nmore").summary());
        assertEquals("no exit within its timeout", new ExecResult(ExecResult.NOT_FINISHED, "").summary());
    }
}
