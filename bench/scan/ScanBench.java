import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.spi.ToolProvider;
import java.util.stream.Stream;

import javax.tools.JavaCompiler;

import dev.dockyard.image.modules.ModuleScan;
import dev.dockyard.image.modules.ModuleScanner;
import dev.dockyard.image.modules.ScanRequest;

/**
 * Module-scan time of one service module (an application jar of 31 classes, two reactor-module jars, the fixture's
 * third-party jars), side by side with jdeps on the same jars, in one JVM, situations interleaved:
 *
 * <ul>
 *   <li>clean: a new build (new scanner), empty work directory: every jar is read; jdeps over every jar;</li>
 *   <li>one-class change: a new build, the work directory of the last one, the application jar rebuilt with one
 *       class changed: only it is read; jdeps over the reactor's own jars (what its two-group cache re-ran);</li>
 *   <li>rerun: a new build, nothing changed: the work directory answers (jdeps: its cache answered, not run);</li>
 *   <li>next module: another module of the same build with the same libraries (the scanner's in-memory cache).</li>
 * </ul>
 *
 * Usage: java -cp <plugin classes>:<asm jar> ScanBench.java <fixture lib dir> <work dir> [rounds] [warm-up rounds]
 */
public class ScanBench {

    public static void main(String[] args) throws Exception {
        Path lib = Path.of(args[0]);
        Path work = Path.of(args[1]);
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 7;
        int warmup = args.length > 3 ? Integer.parseInt(args[3]) : 2;
        List<Path> thirdParty;
        try (Stream<Path> files = Files.list(lib)) {
            thirdParty = files.filter(f -> f.toString().endsWith(".jar")).sorted().toList();
        }
        Files.createDirectories(work);
        byte[][] variants = {application(work.resolve("build-a"), "a"), application(work.resolve("build-b"), "b")};
        Path app = work.resolve("orders/target/orders-1.0.jar");
        Files.createDirectories(app.getParent());
        Files.write(app, variants[0]);
        List<Path> own = List.of(app, module(work.resolve("common.jar"), "common"), module(work.resolve("api.jar"), "api"));
        List<Path> all = new ArrayList<>(own);
        all.addAll(thirdParty);
        long bytes = 0;
        for (Path jar : thirdParty) {
            bytes += Files.size(jar);
        }
        System.out.flush();
        System.out.printf("jars: %d own + %d third-party (%.1f MB); Java %s; %d rounds after %d warm-up%n",
                own.size(), thirdParty.size(), bytes / 1e6, Runtime.version(), rounds, warmup);

        Map<String, List<double[]>> results = new LinkedHashMap<>();
        Path moduleWork = work.resolve("orders/target/image-work");
        int variant = 0;
        ModuleScan last = null;
        for (int round = 0; round < warmup + rounds; round++) {
            boolean measured = round >= warmup;
            deleteTree(moduleWork);
            ModuleScanner build = new ModuleScanner();
            double[] t = time(() -> build.scan(request(all, moduleWork)));
            record(results, measured, "scan: clean", t);
            t = time(() -> build.scan(request(all, work.resolve("other/image-work"))));
            record(results, measured, "scan: next module, same libraries", t);
            t = time(() -> jdeps(all));
            record(results, measured, "jdeps: clean (all jars)", t);

            variant ^= 1;
            Files.write(app, variants[variant]);
            Files.setLastModifiedTime(app, FileTime.fromMillis(System.currentTimeMillis()));
            ModuleScanner next = new ModuleScanner();
            ModuleScan[] holder = new ModuleScan[1];
            t = time(() -> holder[0] = next.scan(request(all, moduleWork)));
            record(results, measured, "scan: one-class change", t);
            last = holder[0];
            t = time(() -> jdeps(own));
            record(results, measured, "jdeps: one-class change (own jars)", t);

            ModuleScanner rerun = new ModuleScanner();
            t = time(() -> rerun.scan(request(all, moduleWork)));
            record(results, measured, "scan: rerun", t);
        }
        System.out.println("modules: " + last.modules() + "; jdeps: " + jdeps(all));
        System.out.println();
        System.out.println("| situation | wall median | wall min – max | thread CPU median (min – max) | JVM CPU median |");
        System.out.println("| --- | ---: | ---: | ---: | ---: |");
        for (Map.Entry<String, List<double[]>> entry : results.entrySet()) {
            List<Double> wall = entry.getValue().stream().map(x -> x[0]).sorted().toList();
            List<Double> cpu = entry.getValue().stream().map(x -> x[1]).sorted().toList();
            List<Double> thread = entry.getValue().stream().map(x -> x[2]).sorted().toList();
            System.out.printf("| %s | %s | %s – %s | %s (%s – %s) | %s |%n", entry.getKey(), ms(median(wall)),
                    ms(wall.get(0)), ms(wall.get(wall.size() - 1)), ms(median(thread)), ms(thread.get(0)),
                    ms(thread.get(thread.size() - 1)), ms(median(cpu)));
        }
    }

    interface Work {
        void run() throws Exception;
    }

    /** As the renderer asks: the module's and reactor modules' jars (the first three) built, the main class known. */
    private static ScanRequest request(List<Path> jars, Path workDirectory) {
        return new ScanRequest(jars, 17, List.of(), List.of(), workDirectory, java.util.Set.copyOf(jars.subList(0, 3)),
                List.of(), List.of(), List.of("com.acme.orders.Main"));
    }

    /**
     * @return wall, whole-process CPU (all threads: jdeps' workers, GC, JIT; the clock ticks in 10 ms) and this
     *     thread's CPU (nanosecond clock) milliseconds
     */
    private static double[] time(Work work) throws Exception {
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        var threads = ManagementFactory.getThreadMXBean();
        long cpu = os.getProcessCpuTime();
        long thread = threads.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        work.run();
        return new double[] {(System.nanoTime() - start) / 1e6, (os.getProcessCpuTime() - cpu) / 1e6,
                (threads.getCurrentThreadCpuTime() - thread) / 1e6};
    }

    private static void record(Map<String, List<double[]>> results, boolean measured, String name, double[] t) {
        List<double[]> list = results.computeIfAbsent(name, k -> new ArrayList<>());
        if (measured) {
            list.add(t);
        }
    }

    private static double median(List<Double> sorted) {
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private static String ms(double millis) {
        return millis >= 100 ? String.format("%,.0f ms", millis) : String.format("%.1f ms", millis);
    }

    private static String jdeps(List<Path> jars) {
        List<String> args = new ArrayList<>(List.of("--ignore-missing-deps", "--print-module-deps",
                "--multi-release", "17"));
        jars.forEach(j -> args.add(j.toString()));
        StringWriter out = new StringWriter();
        int status = ToolProvider.findFirst("jdeps").orElseThrow()
                .run(new PrintWriter(out), new PrintWriter(new StringWriter()), args.toArray(String[]::new));
        if (status != 0) {
            throw new IllegalStateException("jdeps failed: " + out);
        }
        List<String> lines = out.toString().lines().filter(l -> !l.isBlank()).toList();
        return lines.get(lines.size() - 1);
    }

    /**
     * The application: a main class naming Spring Boot's SpringApplication (so that the libraries' classes are loadable
     * from it) and 30 services using java.logging, java.net.http and java.sql.
     */
    private static byte[] application(Path dir, String variant) throws IOException {
        Map<String, String> sources = new LinkedHashMap<>();
        sources.put("com.acme.orders.Main", "package com.acme.orders; public class Main {"
                + " static final String V = \"" + variant + "\"; public static void main(String[] a) {"
                + " java.util.logging.Logger.getLogger(\"orders\").info(V);"
                + " System.out.println(\"org.springframework.boot.SpringApplication\"); } }");
        for (int i = 0; i < 30; i++) {
            sources.put("com.acme.orders.Service" + i, "package com.acme.orders; public class Service" + i
                    + " { java.sql.Connection c; java.net.http.HttpClient h;"
                    + " java.util.List<String> names() { return java.util.List.of(\"" + i + "\"); } }");
        }
        return Files.readAllBytes(jar(dir, sources));
    }

    private static Path module(Path jar, String name) throws IOException {
        Path built = jar(jar.resolveSibling(name + "-build"), Map.of("com.acme." + name + ".Api",
                "package com.acme." + name + "; public interface Api { java.time.Instant at(); }"));
        return Files.copy(built, jar, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    private static Path jar(Path dir, Map<String, String> sources) throws IOException {
        Path src = dir.resolve("src");
        Path classes = dir.resolve("classes");
        Files.createDirectories(classes);
        List<String> args = new ArrayList<>(List.of("-d", classes.toString(), "--release", "17"));
        for (Map.Entry<String, String> source : sources.entrySet()) {
            Path file = src.resolve(source.getKey().replace('.', '/') + ".java");
            Files.createDirectories(file.getParent());
            Files.writeString(file, source.getValue());
            args.add(file.toString());
        }
        JavaCompiler javac = javax.tools.ToolProvider.getSystemJavaCompiler();
        if (javac.run(null, null, null, args.toArray(String[]::new)) != 0) {
            throw new IllegalStateException("does not compile");
        }
        Path jar = dir.resolve("out.jar");
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream zip = new JarOutputStream(out)) {
            List<Path> files;
            try (Stream<Path> walk = Files.walk(classes)) {
                files = walk.filter(Files::isRegularFile).sorted().toList();
            }
            for (Path file : files) {
                JarEntry entry = new JarEntry(classes.relativize(file).toString());
                entry.setTime(0);
                zip.putNextEntry(entry);
                zip.write(Files.readAllBytes(file));
                zip.closeEntry();
            }
        }
        return jar;
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
