package dev.dockyard.image.host;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import net.fornwall.jelf.ElfDynamicSection;
import net.fornwall.jelf.ElfFile;

/**
 * The shared libraries a linked runtime loads, found as the dynamic loader finds them (what {@code ldd} lists in the
 * builder image), read from the ELF files' needed entries: for each library the object's own {@code RUNPATH}
 * ({@code $ORIGIN} expanded), then the directories of the image's {@code /etc/ld.so.conf} (includes followed), then
 * the default directories; only a file of the object's ELF class and machine is taken. The program interpreter is
 * listed under the path {@code bin/java} names. Libraries found inside the runtime are not listed.
 */
final class SharedLibraries {

    private static final List<String> DEFAULT_DIRECTORIES = List.of("/lib", "/usr/lib");

    private final ImageFilesystem image;
    private final List<String> directories;

    SharedLibraries(ImageFilesystem image) throws IOException {
        this.image = image;
        List<String> found = new ArrayList<>();
        readConf("/etc/ld.so.conf", found, new TreeSet<>());
        for (String directory : DEFAULT_DIRECTORIES) {
            if (!found.contains(directory)) {
                found.add(directory);
            }
        }
        this.directories = List.copyOf(found);
    }

    /** An ELF file's facts: class, machine, needed names, run path, interpreter; {@code null} for any other file. */
    record Elf(byte elfClass, short machine, List<String> needed, String runPath, String interpreter) {

        static Elf read(Path file) throws IOException {
            byte[] bytes = Files.readAllBytes(file);
            if (bytes.length < 4 || bytes[0] != 0x7f || bytes[1] != 'E' || bytes[2] != 'L' || bytes[3] != 'F') {
                return null;
            }
            try {
                ElfFile elf = ElfFile.from(bytes);
                ElfDynamicSection dynamic = elf.getDynamicSection();
                List<String> needed = dynamic == null ? List.of() : dynamic.getNeededLibraries();
                String runPath = dynamic == null ? null : dynamic.getRunPath();
                return new Elf(elf.ei_class, elf.e_machine, needed, runPath, elf.getInterpreter());
            } catch (RuntimeException e) {
                return null; // not a dynamic object ldd could list
            }
        }
    }

    /**
     * The image paths of the libraries the runtime's ELF files load, the interpreter included, in sorted order.
     *
     * @param runtime      the linked runtime on this machine
     * @param runtimeHome  where the runtime lies in the image, e.g. {@code /opt/java/openjdk}
     * @param files        the runtime's files ldd is run on, relative to {@code runtime}
     * @param extra        image paths of further libraries to list with what they load (the NSS modules)
     */
    Set<String> of(Path runtime, String runtimeHome, List<String> files, List<String> extra) throws IOException {
        Set<String> listed = new TreeSet<>();
        String loader = null;
        Elf java = Elf.read(runtime.resolve("bin/java"));
        if (java != null && java.interpreter() != null) {
            loader = java.interpreter();
        }
        for (String relative : files) {
            Elf elf = Elf.read(runtime.resolve(relative));
            if (elf == null) {
                continue;
            }
            closure(elf, runtimeHome + "/" + relative, runtime, runtimeHome, loader, listed);
        }
        for (String library : extra) {
            Path file = image.file(library);
            Elf elf = file == null ? null : Elf.read(file);
            if (elf != null) {
                listed.add(library);
                closure(elf, library, runtime, runtimeHome, loader, listed);
            }
        }
        return listed;
    }

    /** What {@code ldd} of one object lists: every library it loads, directly or not. */
    private void closure(Elf root, String rootPath, Path runtime, String runtimeHome, String loader, Set<String> listed)
            throws IOException {
        Map<String, String> loaded = new HashMap<>();
        Deque<Object[]> queue = new ArrayDeque<>();
        queue.add(new Object[] {root, rootPath});
        boolean dynamic = false;
        while (!queue.isEmpty()) {
            Object[] next = queue.poll();
            Elf object = (Elf) next[0];
            String path = (String) next[1];
            for (String name : object.needed()) {
                dynamic = true;
                if (loaded.containsKey(name)) {
                    continue;
                }
                String found = find(name, object, path, runtime, runtimeHome, loader);
                loaded.put(name, found);
                if (found == null) {
                    continue;
                }
                boolean inRuntime = found.startsWith(runtimeHome + "/");
                if (!inRuntime) {
                    listed.add(found);
                }
                if (found.equals(loader)) {
                    continue;
                }
                Path file = inRuntime ? runtime.resolve(found.substring(runtimeHome.length() + 1)) : image.file(found);
                Elf elf = file == null ? null : Elf.read(file);
                if (elf != null) {
                    queue.add(new Object[] {elf, found});
                }
            }
        }
        if (dynamic && loader != null && image.isFile(loader)) {
            listed.add(loader);
        }
    }

    private String find(String name, Elf object, String objectPath, Path runtime, String runtimeHome, String loader) {
        if (name.contains("/")) {
            return exists(name, object, runtime, runtimeHome) ? name : null;
        }
        if (loader != null && loader.endsWith("/" + name)) {
            return loader;
        }
        Set<String> searched = new LinkedHashSet<>();
        if (object.runPath() != null) {
            String origin = objectPath.substring(0, objectPath.lastIndexOf('/'));
            for (String directory : object.runPath().split(":")) {
                if (!directory.isEmpty()) {
                    searched.add(directory.replace("${ORIGIN}", origin).replace("$ORIGIN", origin));
                }
            }
        }
        searched.addAll(directories);
        for (String directory : searched) {
            String candidate = directory.endsWith("/") ? directory + name : directory + "/" + name;
            if (exists(candidate, object, runtime, runtimeHome)) {
                return candidate;
            }
        }
        return null;
    }

    /** Whether {@code path} is a library of the object's class and machine, in the runtime or in the image. */
    private boolean exists(String path, Elf object, Path runtime, String runtimeHome) {
        try {
            Path file;
            String normal = normalize(path);
            if (normal.startsWith(runtimeHome + "/")) {
                file = runtime.resolve(normal.substring(runtimeHome.length() + 1));
                if (!Files.isRegularFile(file)) {
                    return false;
                }
            } else {
                if (!image.isFile(path)) {
                    return false;
                }
                file = image.file(path);
                if (file == null) {
                    return false;
                }
            }
            Elf elf = Elf.read(file);
            return elf != null && elf.elfClass() == object.elfClass() && elf.machine() == object.machine();
        } catch (IOException e) {
            return false;
        }
    }

    private static String normalize(String path) {
        Deque<String> parts = new ArrayDeque<>();
        for (String part : path.split("/")) {
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (part.equals("..")) {
                parts.pollLast();
            } else {
                parts.addLast(part);
            }
        }
        return "/" + String.join("/", parts);
    }

    /** The directories of an {@code ld.so.conf}, its {@code include} lines followed in sorted order. */
    private void readConf(String path, List<String> found, Set<String> seen) throws IOException {
        if (!seen.add(path)) {
            return;
        }
        Path file = image.file(path);
        if (file == null) {
            return;
        }
        for (String raw : Files.readAllLines(file)) {
            String line = raw.replaceAll("#.*", "").strip();
            if (line.isEmpty()) {
                continue;
            }
            if (line.startsWith("include ") || line.startsWith("include\t")) {
                String pattern = line.substring(8).strip();
                String directory = pattern.substring(0, pattern.lastIndexOf('/'));
                var glob = java.nio.file.FileSystems.getDefault()
                        .getPathMatcher("glob:" + pattern.substring(pattern.lastIndexOf('/') + 1));
                String real = image.resolve(directory);
                if (real == null) {
                    continue;
                }
                List<String> matches = image.list(real)
                        .map(p -> p.substring(p.lastIndexOf('/') + 1))
                        .filter(n -> glob.matches(Path.of(n)))
                        .sorted()
                        .toList();
                for (String match : matches) {
                    readConf(directory + "/" + match, found, seen);
                }
            } else if (line.startsWith("/") && !found.contains(line)) {
                found.add(line);
            }
        }
    }
}
