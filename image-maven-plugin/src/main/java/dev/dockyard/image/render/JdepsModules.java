package dev.dockyard.image.render;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.spi.ToolProvider;

/**
 * The Java modules an application needs, from {@code jdeps --print-module-deps} run in-process through
 * {@link ToolProvider}.
 *
 * <p>jdeps costs about a second per run, so the jars are analysed in two groups: the libraries (release and
 * snapshot dependencies), whose result is shared by every module of the build with the same libraries and kept in
 * the module's work directory; and the reactor's own jars (the application and other modules), which change with
 * every commit. A code change then re-analyses a few small jars, not the whole classpath. The union of the two
 * results, reduced by the JDK's {@code requires transitive} edges, is what one jdeps run over all jars gives. Cache
 * keys hold the jars' paths, sizes and times and the running Java version. Thread-safe.
 */
final class JdepsModules {

    private static final String LIBRARIES_CACHE = "jdeps-libraries.txt";
    private static final String OWN_CACHE = "jdeps-own.txt";

    private final Map<String, List<String>> libraries = new ConcurrentHashMap<>();

    /**
     * @param own the application jar and the jars of other reactor modules
     * @param dependencies the third-party jars
     * @param workDirectory where the module's results are cached
     * @return module names, sorted
     */
    List<String> compute(List<Path> own, List<Path> dependencies, Path workDirectory)
            throws RenderException, IOException {
        TreeSet<String> modules = new TreeSet<>();
        if (!dependencies.isEmpty()) {
            String key = cacheKey(dependencies);
            List<String> known = libraries.get(key);
            if (known == null) {
                known = cached(workDirectory.resolve(LIBRARIES_CACHE), key, dependencies);
                libraries.put(key, known);
            }
            modules.addAll(known);
        }
        try {
            modules.addAll(cached(workDirectory.resolve(OWN_CACHE), cacheKey(own), own));
        } catch (RenderException e) {
            if (dependencies.isEmpty()) {
                throw e;
            }
            // a modular jar of the reactor cannot be resolved without the libraries it requires: analyse all at once
            List<Path> all = new ArrayList<>(own);
            all.addAll(dependencies);
            modules.addAll(run(all));
        }
        return reduce(modules);
    }

    private static List<String> cached(Path cache, String key, List<Path> jars) throws RenderException, IOException {
        if (Files.isRegularFile(cache)) {
            List<String> lines = Files.readAllLines(cache, StandardCharsets.UTF_8);
            if (lines.size() == 2 && lines.get(0).equals(key)) {
                return parse(lines.get(1));
            }
        }
        List<String> modules = run(jars);
        Files.createDirectories(cache.getParent());
        Files.write(cache, List.of(key, String.join(",", modules)), StandardCharsets.UTF_8);
        return modules;
    }

    private static List<String> run(List<Path> jars) throws RenderException {
        Optional<ToolProvider> jdeps = ToolProvider.findFirst("jdeps");
        if (jdeps.isEmpty()) {
            throw new RenderException("jdeps is not available: Maven runs on a Java runtime without the JDK tools."
                    + " Run Maven on a JDK, or list the modules yourself with image.jlinkModules"
                    + " (e.g. -Dimage.jlinkModules=java.base,java.logging).");
        }
        List<String> args = new ArrayList<>(List.of(
                "--ignore-missing-deps", "--print-module-deps",
                "--multi-release", Integer.toString(Runtime.version().feature())));
        for (Path jar : jars) {
            args.add(jar.toString());
        }
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status;
        try (PrintWriter o = new PrintWriter(out); PrintWriter e = new PrintWriter(err)) {
            status = jdeps.get().run(o, e, args.toArray(String[]::new));
        }
        if (status != 0) {
            String detail = (err.toString() + out).strip();
            throw new RenderException("jdeps could not compute the modules the application needs (exit " + status
                    + "): " + firstLines(detail, 5)
                    + "\nList the modules yourself with image.jlinkModules (e.g. -Dimage.jlinkModules=java.base,java.sql).");
        }
        String lastLine = "";
        for (String line : out.toString().split("\\R")) {
            if (!line.isBlank()) {
                lastLine = line.strip();
            }
        }
        List<String> modules = parse(lastLine);
        return modules.isEmpty() ? List.of("java.base") : modules;
    }

    /** Drops the modules another one of the set already brings through {@code requires transitive}. */
    static List<String> reduce(Set<String> modules) {
        ModuleFinder system = ModuleFinder.ofSystem();
        Set<String> implied = new HashSet<>();
        for (String module : modules) {
            Deque<String> todo = new ArrayDeque<>(List.of(module));
            while (!todo.isEmpty()) {
                system.find(todo.pop()).ifPresent(ref -> {
                    for (ModuleDescriptor.Requires requires : ref.descriptor().requires()) {
                        if (requires.modifiers().contains(ModuleDescriptor.Requires.Modifier.TRANSITIVE)
                                && implied.add(requires.name())) {
                            todo.push(requires.name());
                        }
                    }
                });
            }
        }
        TreeSet<String> reduced = new TreeSet<>(modules);
        reduced.removeIf(m -> implied.contains(m) && !"java.base".equals(m));
        return List.copyOf(reduced);
    }

    static List<String> parse(String csv) {
        TreeSet<String> modules = new TreeSet<>();
        for (String module : csv.split(",")) {
            if (!module.isBlank()) {
                modules.add(module.strip());
            }
        }
        return List.copyOf(modules);
    }

    private static String firstLines(String text, int count) {
        String[] lines = text.split("\\R");
        return String.join("\n", java.util.Arrays.copyOf(lines, Math.min(count, lines.length)));
    }

    private static String cacheKey(List<Path> jars) throws IOException {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(Integer.toString(Runtime.version().feature()).getBytes(StandardCharsets.UTF_8));
            for (Path jar : jars) {
                digest.update((jar.toAbsolutePath() + "|" + Files.size(jar) + "|"
                        + Files.getLastModifiedTime(jar).toMillis() + "\n").getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java runtime", e);
        }
    }
}
