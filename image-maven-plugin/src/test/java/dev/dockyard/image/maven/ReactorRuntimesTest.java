package dev.dockyard.image.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.dockyard.image.modules.ModuleScanner;
import dev.dockyard.image.modules.ReactorRuntime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.maven.execution.DefaultMavenExecutionRequest;
import org.apache.maven.execution.DefaultMavenExecutionResult;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.logging.SystemStreamLog;
import org.junit.jupiter.api.Test;

/** The reactor's runtime is computed once per build, however many modules of a parallel build ask at once. */
class ReactorRuntimesTest {

    private final ModuleScanner scanner = new ModuleScanner();

    @Test
    void modulesOfOneBuildAskingAtOnceComputeTheUnionOnceAndTwoBuildsTwice() throws Exception {
        ReactorRuntimes runtimes = new ReactorRuntimes(null);
        MavenSession first = session();
        AtomicInteger reports = new AtomicInteger();
        SystemStreamLog log = new SystemStreamLog() {
            @Override
            public void info(CharSequence content) {
                if (content.toString().startsWith("Reactor runtime (image.runtime=reactor) of 0 services")) {
                    reports.incrementAndGet();
                }
            }
        };
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<ReactorRuntime.Union>> modules = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                MavenSession copy = first.clone(); // as -T gives each module
                modules.add(() -> runtimes.union(copy, 17, scanner, log));
            }
            ReactorRuntime.Union union = null;
            for (Future<ReactorRuntime.Union> future : pool.invokeAll(modules)) {
                ReactorRuntime.Union got = future.get();
                if (union != null) {
                    assertSame(union, got);
                }
                union = got;
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, reports.get());
        runtimes.union(session(), 17, scanner, log);
        assertEquals(2, reports.get());
    }

    @Test
    void theStagesOfOneBuildShareOneLock() {
        ReactorRuntimes runtimes = new ReactorRuntimes(null);
        MavenSession first = session();
        assertSame(runtimes.stages(first), runtimes.stages(first.clone()));
        assertNotSame(runtimes.stages(first), runtimes.stages(session()));
    }

    @SuppressWarnings("deprecation")
    private static MavenSession session() {
        MavenSession session =
                new MavenSession(null, null, new DefaultMavenExecutionRequest(), new DefaultMavenExecutionResult());
        session.setProjects(List.of());
        return session;
    }
}
