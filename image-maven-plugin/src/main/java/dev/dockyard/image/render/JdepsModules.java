package dev.dockyard.image.render;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.spi.ToolProvider;

/**
 * The Java modules an application needs, from {@code jdeps --print-module-deps} run in-process through
 * {@link ToolProvider}. The result is cached in the work directory, keyed by the jars' paths, sizes and times and
 * by the running Java version, so an unchanged module costs no jdeps run.
 */
final class JdepsModules {

    private static final String CACHE_FILE = "jdeps-modules.txt";

    private final Path workDirectory;

    JdepsModules(Path workDirectory) {
        this.workDirectory = workDirectory;
    }

    /**
     * @param jars the application jar and its runtime dependencies
     * @return module names, sorted
     */
    List<String> compute(List<Path> jars) throws RenderException, IOException {
        String key = cacheKey(jars);
        Path cache = workDirectory.resolve(CACHE_FILE);
        if (Files.isRegularFile(cache)) {
            List<String> lines = Files.readAllLines(cache, StandardCharsets.UTF_8);
            if (lines.size() == 2 && lines.get(0).equals(key)) {
                return parse(lines.get(1));
            }
        }
        List<String> modules = run(jars);
        Files.createDirectories(workDirectory);
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
        if (modules.isEmpty()) {
            return List.of("java.base");
        }
        return modules;
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
            digest.update(Runtime.version().toString().getBytes(StandardCharsets.UTF_8));
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
