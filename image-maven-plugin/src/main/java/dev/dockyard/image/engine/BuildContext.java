package dev.dockyard.image.engine;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * The files of a build context directory the engine is sent: everything but what {@code .dockerignore} excludes
 * (Docker's rules: patterns in order, the last one matching a path or one of its parent directories wins, {@code !}
 * re-includes), and always the Dockerfile and {@code .dockerignore} themselves. Written as a tar in name order.
 */
public final class BuildContext {

    private final Path directory;
    private final List<Path> files;

    private BuildContext(Path directory, List<Path> files) {
        this.directory = directory;
        this.files = files;
    }

    /** Scans {@code directory}, whose Dockerfile is {@code dockerfile} (relative to it). */
    public static BuildContext scan(Path directory, String dockerfile) throws IOException {
        List<Rule> rules = rules(directory.resolve(".dockerignore"));
        List<Path> files = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(directory)) {
            for (Path file : (Iterable<Path>) walk.sorted()::iterator) {
                if (!Files.isRegularFile(file)) {
                    continue;
                }
                String relative = relative(directory, file);
                if (relative.equals(dockerfile) || relative.equals(".dockerignore") || !excluded(rules, relative)) {
                    files.add(file);
                }
            }
        }
        return new BuildContext(directory, List.copyOf(files));
    }

    /** The directory the context is read from. */
    public Path directory() {
        return directory;
    }

    /** The files of this context whose path (relative, with {@code /}) {@code keep} accepts. */
    public BuildContext only(java.util.function.Predicate<String> keep) {
        return new BuildContext(
                directory,
                files.stream().filter(f -> keep.test(relative(directory, f))).toList());
    }

    /** The file at {@code relative} when the context sends it, else {@code null}. */
    public Path file(String relative) {
        for (Path file : files) {
            if (relative(directory, file).equals(relative)) {
                return file;
            }
        }
        return null;
    }

    /** Paths relative to the context directory, with {@code /}, in the order they are sent. */
    public List<String> paths() {
        return files.stream().map(f -> relative(directory, f)).toList();
    }

    /** The bytes of the files sent. */
    public long bytes() throws IOException {
        long total = 0;
        for (Path file : files) {
            total += Files.size(file);
        }
        return total;
    }

    /** Writes the context as a tar: owner root, the files' modes and modification times. */
    public void writeTar(OutputStream out) throws IOException {
        TarArchiveOutputStream tar = new TarArchiveOutputStream(out, StandardCharsets.UTF_8.name());
        tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
        tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
        for (Path file : files) {
            TarArchiveEntry entry = new TarArchiveEntry(file.toFile(), relative(directory, file));
            entry.setUserId(0);
            entry.setGroupId(0);
            entry.setUserName("");
            entry.setGroupName("");
            entry.setMode(mode(file));
            tar.putArchiveEntry(entry);
            Files.copy(file, tar);
            tar.closeArchiveEntry();
        }
        tar.finish();
    }

    /** The mode the engine is sent for {@code file}: its permission bits with the regular-file type. */
    public static int mode(Path file) throws IOException {
        try {
            Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
            int mode = 0;
            for (PosixFilePermission permission : permissions) {
                mode |= 1 << (8 - permission.ordinal());
            }
            return TarArchiveEntry.DEFAULT_FILE_MODE & ~0777 | mode;
        } catch (UnsupportedOperationException e) {
            return TarArchiveEntry.DEFAULT_FILE_MODE;
        }
    }

    static boolean excluded(List<Rule> rules, String relative) {
        boolean excluded = false;
        for (Rule rule : rules) {
            if (rule.matchesSelfOrParent(relative)) {
                excluded = !rule.negated();
            }
        }
        return excluded;
    }

    static List<Rule> rules(Path dockerignore) throws IOException {
        if (!Files.isRegularFile(dockerignore)) {
            return List.of();
        }
        return parseRules(Files.readAllLines(dockerignore, StandardCharsets.UTF_8));
    }

    static List<Rule> parseRules(List<String> lines) {
        List<Rule> rules = new ArrayList<>();
        for (String line : lines) {
            String pattern = line.strip();
            if (pattern.isEmpty() || pattern.startsWith("#")) {
                continue;
            }
            boolean negated = pattern.startsWith("!");
            if (negated) {
                pattern = pattern.substring(1).strip();
            }
            pattern = pattern.replaceAll("^/+", "").replaceAll("/+$", "");
            if (!pattern.isEmpty()) {
                rules.add(new Rule(negated, Pattern.compile(globToRegex(pattern))));
            }
        }
        return rules;
    }

    private static String globToRegex(String glob) {
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            if (c == '*' && i + 1 < glob.length() && glob.charAt(i + 1) == '*') {
                // "**/" matches any number of directories, "**" anything
                boolean slash = i + 2 < glob.length() && glob.charAt(i + 2) == '/';
                regex.append(slash ? "(?:.*/)?" : ".*");
                i += slash ? 2 : 1;
            } else if (c == '*') {
                regex.append("[^/]*");
            } else if (c == '?') {
                regex.append("[^/]");
            } else if (c == '[') {
                int end = glob.indexOf(']', i);
                if (end < 0) {
                    regex.append("\\[");
                } else {
                    regex.append('[')
                            .append(glob.substring(i + 1, end)
                                    .replace("\\", "\\\\")
                                    .replaceFirst("^\\^", "^"))
                            .append(']');
                    i = end;
                }
            } else if (c == '\\' && i + 1 < glob.length()) {
                regex.append(Pattern.quote(String.valueOf(glob.charAt(++i))));
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return regex.toString();
    }

    private static String relative(Path directory, Path file) {
        return directory.relativize(file).toString().replace('\\', '/');
    }

    /** One {@code .dockerignore} line. */
    record Rule(boolean negated, Pattern pattern) {

        boolean matchesSelfOrParent(String relative) {
            String path = relative;
            while (true) {
                if (pattern.matcher(path).matches()) {
                    return true;
                }
                int slash = path.lastIndexOf('/');
                if (slash < 0) {
                    return false;
                }
                path = path.substring(0, slash);
            }
        }
    }
}
