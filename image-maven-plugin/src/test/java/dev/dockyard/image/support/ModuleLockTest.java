package dev.dockyard.image.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two builds of one module take turns on its build context; the lock lives outside the module. */
class ModuleLockTest {

    @TempDir
    Path temp;

    @Test
    void theSecondBuildWaitsSayingForWhomAndGoesOnWhenTheFirstEnds() throws Exception {
        Path module = temp.resolve("orders");
        Path locks = temp.resolve("locks");
        List<String> waiting = new CopyOnWriteArrayList<>();
        ExecutorService second = Executors.newSingleThreadExecutor();
        try {
            Future<?> turn;
            try (ModuleLock first =
                    ModuleLock.acquire(module, "image:build of orders", locks, Duration.ofMinutes(1), waiting::add)) {
                turn = second.submit(() -> {
                    try (ModuleLock next = ModuleLock.acquire(
                            module, "image:dockerfile of orders", locks, Duration.ofMinutes(1), waiting::add)) {
                        return null;
                    }
                });
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
                while (waiting.isEmpty() && System.nanoTime() < deadline) {
                    Thread.sleep(20);
                }
                assertEquals(
                        List.of("Waiting for another build of this module to finish (image:build of orders in process "
                                + ProcessHandle.current().pid() + ")"),
                        waiting);
                assertTrue(!turn.isDone(), "the second build waits while the first holds the lock");
            }
            turn.get(10, TimeUnit.SECONDS);
        } finally {
            second.shutdownNow();
        }
        assertEquals(1, waiting.size(), "said once");
        try (var files = Files.list(locks)) {
            assertEquals(1, files.count(), "one lock file per module, outside it");
        }
        assertTrue(Files.notExists(module), "nothing is written into the module");
    }

    @Test
    void aBuildThatHoldsItTooLongIsNamedInOneMessage() throws Exception {
        Path module = temp.resolve("orders");
        Path locks = temp.resolve("locks");
        ExecutorService second = Executors.newSingleThreadExecutor();
        try (ModuleLock first =
                ModuleLock.acquire(module, "image:build of orders", locks, Duration.ofMinutes(1), line -> {})) {
            Future<Exception> turn = second.submit(() -> {
                try {
                    ModuleLock.acquire(module, "image:build of orders", locks, Duration.ofMillis(300), line -> {})
                            .close();
                    return null;
                } catch (UserFixableException e) {
                    return e;
                }
            });
            Exception failure = turn.get(10, TimeUnit.SECONDS);
            assertEquals(
                    "Another build of " + module + " (image:build of orders in process "
                            + ProcessHandle.current().pid()
                            + ") has been using its build context for 0.3s: wait until it ends, or stop it; one"
                            + " module's image is built by one build at a time",
                    failure.getMessage());
        } finally {
            second.shutdownNow();
        }
    }
}
