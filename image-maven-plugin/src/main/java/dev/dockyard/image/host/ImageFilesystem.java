package dev.dockyard.image.host;

import dev.dockyard.image.registry.ImagePull;
import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * The root file system of an image read from its layers (whiteouts applied), as far as a host build needs it: every
 * path with its type, mode and link target, and the bytes of the files a runtime's libraries and package entries come
 * from (shared libraries, {@code /etc}, the dpkg database). Unpacked once per image into a directory named by its
 * configuration's digest, and read from there by later builds.
 */
final class ImageFilesystem {

    /** Files whose bytes are kept: libraries, configuration, the dpkg database and the JDK's release file. */
    private static final Pattern KEPT = Pattern.compile(
            "(usr/)?(local/)?lib(32|64|x32)?/.*|etc/.*|var/lib/dpkg/(status|info/[^/]+\\.list)|usr/lib/os-release"
                    + "|opt/java/[^/]+/release");

    /**
     * The JDK's jmods, kept too when another platform's runtime is linked from them (about 70 MB a JDK): only the
     * image of another platform than this machine's needs them.
     */
    private static final Pattern JMODS = Pattern.compile("(.+/)?jmods/[^/]+\\.jmod");

    /** The layout of an unpacked image: a directory unpacked by an earlier layout is unpacked anew. */
    private static final String LAYOUT = "2";

    private static final String INDEX = "index.tsv";
    private static final String FILES = "files";
    private static final int MAX_LINKS = 40;

    /** One path of the image: its type ({@code d}, {@code f}, {@code l}), permission bits and link target. */
    record Entry(char type, int mode, String link) {}

    private final Path directory;
    private final Map<String, Entry> entries;

    private ImageFilesystem(Path directory, Map<String, Entry> entries) {
        this.directory = directory;
        this.entries = entries;
    }

    /**
     * The file system of {@code image}, unpacked into {@code cache} unless an earlier build did.
     *
     * @param jmods whether to keep the bytes of its JDK's jmods ({@link #jmods}), for a runtime of its platform
     *     linked on another
     */
    static ImageFilesystem of(ImagePull.Pulled image, Path cache, boolean jmods) throws IOException {
        Path directory = cache.resolve(image.id().substring(7) + "-" + LAYOUT + (jmods ? "-jmods" : ""));
        Path index = directory.resolve(INDEX);
        if (!Files.isRegularFile(index)) {
            unpack(image, directory, jmods);
        }
        Map<String, Entry> entries = new TreeMap<>();
        try (BufferedReader in = Files.newBufferedReader(index, StandardCharsets.UTF_8)) {
            String line;
            while ((line = in.readLine()) != null) {
                String[] parts = line.split("\t", 4);
                entries.put(
                        parts[3],
                        new Entry(
                                parts[0].charAt(0),
                                Integer.parseInt(parts[1], 8),
                                parts[2].isEmpty() ? null : parts[2]));
            }
        }
        return new ImageFilesystem(directory, entries);
    }

    private static boolean kept(String path, boolean jmods) {
        return KEPT.matcher(path).matches() || (jmods && JMODS.matcher(path).matches());
    }

    private static void unpack(ImagePull.Pulled image, Path directory, boolean jmods) throws IOException {
        Path partial = directory.resolveSibling(directory.getFileName() + ".partial");
        deleteTree(partial);
        Path files = partial.resolve(FILES);
        Files.createDirectories(files);
        Map<String, Entry> entries = new TreeMap<>();
        entries.put("", new Entry('d', 0755, null));
        for (ImagePull.LayerBlob layer : image.layers()) {
            try (InputStream raw = new BufferedInputStream(Files.newInputStream(layer.file()));
                    InputStream in = layer.gzipped() ? new GZIPInputStream(raw, 65536) : raw;
                    TarArchiveInputStream tar = new TarArchiveInputStream(in)) {
                TarArchiveEntry entry;
                while ((entry = tar.getNextEntry()) != null) {
                    String path = clean(entry.getName());
                    String name = path.substring(path.lastIndexOf('/') + 1);
                    String parent = path.contains("/") ? path.substring(0, path.lastIndexOf('/')) : "";
                    if (name.equals(".wh..wh..opq")) {
                        String prefix = parent.isEmpty() ? "" : parent + "/";
                        entries.keySet().removeIf(p -> !p.isEmpty() && p.startsWith(prefix) && !p.equals(parent));
                        continue;
                    }
                    if (name.startsWith(".wh.")) {
                        String removed = (parent.isEmpty() ? "" : parent + "/") + name.substring(4);
                        entries.keySet().removeIf(p -> p.equals(removed) || p.startsWith(removed + "/"));
                        continue;
                    }
                    int mode = entry.getMode() & 07777;
                    // a layer may leave out the entries of parent directories: they exist all the same
                    for (int slash = path.indexOf('/'); slash > 0; slash = path.indexOf('/', slash + 1)) {
                        entries.putIfAbsent(path.substring(0, slash), new Entry('d', 0755, null));
                    }
                    if (entry.isDirectory()) {
                        entries.put(path, new Entry('d', mode, null));
                    } else if (entry.isSymbolicLink()) {
                        entries.put(path, new Entry('l', 0777, entry.getLinkName()));
                    } else if (entry.isLink()) { // a hard link: the same bytes as a file of this or a lower layer
                        String target = clean(entry.getLinkName());
                        Entry linked = entries.get(target);
                        entries.put(path, new Entry('f', linked != null ? linked.mode() : mode, null));
                        Path from = files.resolve(target);
                        if (kept(path, jmods) && Files.isRegularFile(from)) {
                            Path to = files.resolve(path);
                            Files.createDirectories(to.getParent());
                            Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING);
                        }
                    } else if (entry.isFile()) {
                        entries.put(path, new Entry('f', mode, null));
                        if (kept(path, jmods)) {
                            Path to = files.resolve(path);
                            Files.createDirectories(to.getParent());
                            Files.copy(tar, to, StandardCopyOption.REPLACE_EXISTING);
                        }
                    }
                }
            }
        }
        try (BufferedWriter out = Files.newBufferedWriter(partial.resolve(INDEX), StandardCharsets.UTF_8)) {
            for (Map.Entry<String, Entry> e : entries.entrySet()) {
                Entry value = e.getValue();
                out.write(value.type() + "\t" + Integer.toOctalString(value.mode()) + "\t"
                        + (value.link() == null ? "" : value.link()) + "\t" + e.getKey() + "\n");
            }
        }
        deleteTree(directory);
        Files.move(partial, directory, StandardCopyOption.ATOMIC_MOVE);
    }

    /** The entry at {@code path} (absolute), links not followed; {@code null} when absent. */
    Entry entry(String path) {
        return entries.get(clean(path));
    }

    /**
     * {@code path} with every symbolic link followed, as {@code readlink -f} gives it in the image; {@code null}
     * when a component is missing or the links loop.
     */
    String resolve(String path) {
        String resolved = "";
        java.util.Deque<String> rest =
                new java.util.ArrayDeque<>(java.util.List.of(clean(path).split("/")));
        int links = 0;
        while (!rest.isEmpty()) {
            String part = rest.pollFirst();
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (part.equals("..")) {
                resolved = resolved.contains("/") ? resolved.substring(0, resolved.lastIndexOf('/')) : "";
                continue;
            }
            String candidate = resolved.isEmpty() ? part : resolved + "/" + part;
            Entry entry = entries.get(candidate);
            if (entry == null) {
                return null;
            }
            if (entry.type() == 'l') {
                if (++links > MAX_LINKS) {
                    return null;
                }
                String target = entry.link();
                String[] parts = target.split("/");
                for (int i = parts.length - 1; i >= 0; i--) {
                    rest.addFirst(parts[i]);
                }
                if (target.startsWith("/")) {
                    resolved = "";
                }
                continue;
            }
            resolved = candidate;
        }
        return "/" + resolved;
    }

    /** Whether {@code path}, links followed, is a regular file. */
    boolean isFile(String path) {
        String real = resolve(path);
        Entry entry = real == null ? null : entries.get(clean(real));
        return entry != null && entry.type() == 'f';
    }

    /** The kept bytes of {@code path}, links followed; {@code null} when absent or not kept. */
    Path file(String path) {
        String real = resolve(path);
        if (real == null) {
            return null;
        }
        Path file = directory.resolve(FILES).resolve(clean(real));
        return Files.isRegularFile(file) ? file : null;
    }

    /**
     * The directory of the jmods of the JDK at {@code javaHome}, as kept here; {@code null} when the image has no
     * {@code java.base.jmod} there.
     */
    Path jmods(String javaHome) {
        Path base = file(javaHome + "/jmods/java.base.jmod");
        return base == null ? null : base.getParent();
    }

    /** The mode of {@code path}, links followed. */
    int mode(String path) {
        String real = resolve(path);
        Entry entry = real == null ? null : entries.get(clean(real));
        return entry == null ? 0 : entry.mode();
    }

    /** The paths directly below the directory {@code path} (absolute, no links followed). */
    Stream<String> list(String path) {
        String prefix = clean(path).isEmpty() ? "" : clean(path) + "/";
        return entries.keySet().stream()
                .filter(p ->
                        p.startsWith(prefix) && p.length() > prefix.length() && p.indexOf('/', prefix.length()) < 0)
                .map(p -> "/" + p);
    }

    static String clean(String path) {
        String cleaned = path;
        while (cleaned.startsWith("./")) {
            cleaned = cleaned.substring(2);
        }
        while (cleaned.startsWith("/")) {
            cleaned = cleaned.substring(1);
        }
        while (cleaned.endsWith("/")) {
            cleaned = cleaned.substring(0, cleaned.length() - 1);
        }
        return cleaned.equals(".") ? "" : cleaned;
    }

    private static void deleteTree(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(directory)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
