package dev.dockyard.bench.render;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import com.sun.management.OperatingSystemMXBean;

import dev.dockyard.image.render.DockerfileRenderer;
import dev.dockyard.image.render.RenderRequest;
import dev.dockyard.image.render.TemplateEngines;

/**
 * The situations of {@link RenderBenchmark}, timed by CPU time as well as by the wall clock. On a machine shared with
 * other builds, wall-clock time mostly measures waiting for a core; CPU time does not. Per render: the rendering
 * thread's CPU time (user + system, nanosecond clock; median and 90th percentile), and the mean CPU time of the
 * whole JVM over all measured renders (all threads, so GC and JIT count too; its clock ticks
 * in 10 ms, hence the mean over many renders).
 *
 * <p>Usage: {@code java -cp target/benchmarks.jar dev.dockyard.bench.render.CpuTimes [fixtureLib]} from bench/render.
 */
public final class CpuTimes {

    private static final OperatingSystemMXBean OS =
            (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private interface Step {
        void run() throws Exception;
    }

    public static void main(String[] args) throws Exception {
        Path fixtureLib = Path.of(args.length > 0 ? args[0] : "target/fixture/lib");
        System.out.printf("%-22s %-10s %4s  %21s  %24s  %14s%n", "situation", "modules", "ops",
                "wall ms: median / p90", "thread CPU ms: med / p90", "JVM CPU ms/op");
        for (String modules : List.of("configured", "scan")) {
            boolean scan = modules.equals("scan");
            int warmup = 300;
            int ops = 500;
            ServiceModule module = ServiceModule.create(Path.of("target/work"), fixtureLib);
            try {
                DockerfileRenderer renderer = new DockerfileRenderer(new TemplateEngines());
                RenderRequest request = module.request(scan ? List.of() : RenderBenchmark.CONFIGURED_MODULES);
                long process0 = OS.getProcessCpuTime();
                long wall0 = System.nanoTime();
                renderer.render(request);
                System.out.printf("%-22s %-10s %4d  %9.2f (first render in this JVM; JVM CPU %.0f ms)%n", "first",
                        modules, 1, (System.nanoTime() - wall0) / 1e6, (OS.getProcessCpuTime() - process0) / 1e6);
                measure("unchanged", modules, warmup, ops, () -> { }, renderer, request);
                measure("applicationJarChanged", modules, warmup, ops, module::changeApplicationJar, renderer, request);
                measure("cleanBuild", modules, warmup, ops, module::clean, renderer, request);
            } finally {
                module.deleteAll();
            }
        }
    }

    private static void measure(String situation, String modules, int warmup, int ops, Step before,
            DockerfileRenderer renderer, RenderRequest request) throws Exception {
        double[] wall = new double[ops];
        double[] cpu = new double[ops];
        long jvmCpu = 0;
        for (int i = 0; i < warmup + ops; i++) {
            before.run();
            long process0 = OS.getProcessCpuTime();
            long cpu0 = THREADS.getCurrentThreadCpuTime();
            long wall0 = System.nanoTime();
            renderer.render(request);
            long wall1 = System.nanoTime();
            long cpu1 = THREADS.getCurrentThreadCpuTime();
            long process1 = OS.getProcessCpuTime();
            if (i >= warmup) {
                wall[i - warmup] = (wall1 - wall0) / 1e6;
                cpu[i - warmup] = (cpu1 - cpu0) / 1e6;
                jvmCpu += process1 - process0;
            }
        }
        System.out.printf("%-22s %-10s %4d  %9.2f / %9.2f  %11.2f / %10.2f  %14.2f%n", situation, modules, ops,
                percentile(wall, 50), percentile(wall, 90), percentile(cpu, 50), percentile(cpu, 90),
                jvmCpu / 1e6 / ops);
    }

    private static double percentile(double[] values, int percent) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(percent / 100.0 * sorted.length) - 1)];
    }
}
