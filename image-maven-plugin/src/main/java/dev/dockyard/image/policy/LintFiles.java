package dev.dockyard.image.policy;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Selects the Dockerfiles of a module with Ant-style globs ({@code *}, {@code ?}, {@code **}) relative to the module
 * directory. {@code target}, {@code .git} and {@code node_modules} directories are never searched.
 */
public final class LintFiles {

    /** Default includes: {@code Dockerfile*} in the module directory and anywhere under {@code src/main/docker/}. */
    public static final List<String> DEFAULT_INCLUDES = List.of("Dockerfile*", "src/main/docker/**/Dockerfile*");

    /** Default excludes: template sources and per-Dockerfile ignore files. */
    public static final List<String> DEFAULT_EXCLUDES = List.of("**/*.ftl", "**/*.dockerignore");

    private static final Set<String> NEVER = Set.of("target", ".git", "node_modules");

    private LintFiles() {
    }

    /**
     * @param moduleDir base directory
     * @param includes  globs to include (empty = {@link #DEFAULT_INCLUDES})
     * @param excludes  globs to exclude, in addition to {@link #DEFAULT_EXCLUDES}
     * @return matching regular files, sorted by relative path
     * @throws IOException when the directory cannot be walked
     */
    public static List<Path> find(Path moduleDir, List<String> includes, List<String> excludes) throws IOException {
        List<Pattern> in = compile(includes == null || includes.isEmpty() ? DEFAULT_INCLUDES : includes);
        List<String> allExcludes = new ArrayList<>(DEFAULT_EXCLUDES);
        if (excludes != null) {
            allExcludes.addAll(excludes);
        }
        List<Pattern> ex = compile(allExcludes);
        List<Path> out = new ArrayList<>();
        if (!Files.isDirectory(moduleDir)) {
            return out;
        }
        Files.walkFileTree(moduleDir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                if (!dir.equals(moduleDir) && NEVER.contains(dir.getFileName().toString())) {
                    return FileVisitResult.SKIP_SUBTREE;
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                String rel = moduleDir.relativize(file).toString().replace('\\', '/');
                if (attrs.isRegularFile() && matches(in, rel) && !matches(ex, rel)) {
                    out.add(file);
                }
                return FileVisitResult.CONTINUE;
            }
        });
        out.sort(null);
        return out;
    }

    private static boolean matches(List<Pattern> patterns, String rel) {
        for (Pattern p : patterns) {
            if (p.matcher(rel).matches()) {
                return true;
            }
        }
        return false;
    }

    private static List<Pattern> compile(List<String> globs) {
        List<Pattern> out = new ArrayList<>();
        for (String g : globs) {
            if (g != null && !g.isBlank()) {
                out.add(glob(g.trim()));
            }
        }
        return out;
    }

    /** Converts an Ant-style glob to a regex: {@code **}{@code /} matches zero or more directories. */
    static Pattern glob(String glob) {
        StringBuilder re = new StringBuilder();
        String g = glob.replace('\\', '/');
        for (int i = 0; i < g.length(); i++) {
            char c = g.charAt(i);
            if (c == '*' && g.startsWith("**/", i)) {
                re.append("(?:.*/)?");
                i += 2;
            } else if (c == '*' && g.startsWith("**", i)) {
                re.append(".*");
                i++;
            } else if (c == '*') {
                re.append("[^/]*");
            } else if (c == '?') {
                re.append("[^/]");
            } else {
                re.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(re.toString());
    }
}
