package dev.dockyard.image.policy;

import java.io.IOException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Selects the Dockerfiles of a module with Ant-style globs ({@code *}, {@code ?}, {@code **}) relative to the module
 * directory, matched by the platform's {@link PathMatcher} (which also knows {@code [abc]} and {@code {a,b}}). {@code target}, {@code .git} and {@code node_modules} directories are never searched.
 */
public final class LintFiles {

    /** Default includes: {@code Dockerfile*} in the module directory and anywhere under {@code src/main/docker/}. */
    public static final List<String> DEFAULT_INCLUDES = List.of("Dockerfile*", "src/main/docker/**/Dockerfile*");

    /** Default excludes: template sources and per-Dockerfile ignore files. */
    public static final List<String> DEFAULT_EXCLUDES = List.of("**/*.ftl", "**/*.dockerignore");

    private static final Set<String> NEVER = Set.of("target", ".git", "node_modules");

    private LintFiles() {}

    /**
     * @param moduleDir base directory
     * @param includes  globs to include (empty = {@link #DEFAULT_INCLUDES})
     * @param excludes  globs to exclude, in addition to {@link #DEFAULT_EXCLUDES}
     * @return matching regular files, sorted by relative path
     * @throws IOException when the directory cannot be walked
     */
    public static List<Path> find(Path moduleDir, List<String> includes, List<String> excludes) throws IOException {
        List<PathMatcher> in = compile(includes == null || includes.isEmpty() ? DEFAULT_INCLUDES : includes);
        List<String> allExcludes = new ArrayList<>(DEFAULT_EXCLUDES);
        if (excludes != null) {
            allExcludes.addAll(excludes);
        }
        List<PathMatcher> ex = compile(allExcludes);
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
                Path rel = moduleDir.relativize(file);
                if (attrs.isRegularFile() && matches(in, rel) && !matches(ex, rel)) {
                    out.add(file);
                }
                return FileVisitResult.CONTINUE;
            }
        });
        out.sort(null);
        return out;
    }

    private static boolean matches(List<PathMatcher> matchers, Path rel) {
        for (PathMatcher m : matchers) {
            if (m.matches(rel)) {
                return true;
            }
        }
        return false;
    }

    private static List<PathMatcher> compile(List<String> globs) {
        List<PathMatcher> out = new ArrayList<>();
        for (String g : globs) {
            if (g != null && !g.isBlank()) {
                for (String variant : variants(g.trim().replace('\\', '/'))) {
                    out.add(FileSystems.getDefault().getPathMatcher("glob:" + variant));
                }
            }
        }
        return out;
    }

    /**
     * The {@link FileSystem#getPathMatcher} globs of one Ant-style glob: there {@code **}{@code /} also matches no
     * directory at all ({@code **}{@code /Dockerfile} matches {@code Dockerfile}), so each {@code **}{@code /} is
     * kept in one variant and left out in another.
     */
    static List<String> variants(String glob) {
        int at = glob.indexOf("**/");
        if (at < 0) {
            return List.of(glob);
        }
        List<String> out = new ArrayList<>();
        for (String rest : variants(glob.substring(at + 3))) {
            out.add(glob.substring(0, at + 3) + rest);
            out.add(glob.substring(0, at) + rest);
        }
        return out;
    }
}
