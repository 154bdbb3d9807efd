package dev.dockyard.image.modules;

import java.io.IOException;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Collections;
import java.util.Deque;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The JDK's modules as the scan sees them: which module holds a package, what each module requires, and which
 * modules exist in the target release.
 *
 * <p>Packages and {@code requires} come from the build JDK ({@link ModuleFinder#ofSystem()}): a package of
 * {@code java.*} or {@code jdk.*} stays in the same module from release to release, so the mapping holds for any
 * target release in which the module exists. Which modules exist in an older target release is read from the build
 * JDK's {@code lib/ct.sym} (the data of {@code javac --release}); for the build JDK's own release, and for a newer one
 * (which cannot be known), every module of the build JDK counts as present.
 */
final class SystemModules {

    private final int release;
    private final Map<String, String> moduleOfPackage;
    private final Map<String, Set<String>> requires;
    private final Map<String, Set<String>> requiresTransitive;
    private final Set<String> present;
    /** The modules that export a package to every module: an API, which code names to use. */
    private final Set<String> api;

    private SystemModules(
            int release,
            Map<String, String> moduleOfPackage,
            Map<String, Set<String>> requires,
            Map<String, Set<String>> requiresTransitive,
            Set<String> present,
            Set<String> api) {
        this.release = release;
        this.api = api;
        this.moduleOfPackage = moduleOfPackage;
        this.requires = requires;
        this.requiresTransitive = requiresTransitive;
        this.present = present;
    }

    /** Reads the build JDK's modules, and those of {@code release} when the build JDK can tell. */
    static SystemModules of(int release) {
        Map<String, String> packages = new HashMap<>();
        Map<String, Set<String>> requires = new HashMap<>();
        Map<String, Set<String>> transitive = new HashMap<>();
        Set<String> api = new HashSet<>();
        for (ModuleReference reference : ModuleFinder.ofSystem().findAll()) {
            ModuleDescriptor descriptor = reference.descriptor();
            if (descriptor.exports().stream().anyMatch(export -> !export.isQualified())) {
                api.add(descriptor.name());
            }
            for (String pkg : descriptor.packages()) {
                packages.put(pkg, descriptor.name());
            }
            Set<String> all = new HashSet<>();
            Set<String> trans = new HashSet<>();
            for (ModuleDescriptor.Requires r : descriptor.requires()) {
                if (r.modifiers().contains(ModuleDescriptor.Requires.Modifier.STATIC)) {
                    continue;
                }
                all.add(r.name());
                if (r.modifiers().contains(ModuleDescriptor.Requires.Modifier.TRANSITIVE)) {
                    trans.add(r.name());
                }
            }
            requires.put(descriptor.name(), all);
            transitive.put(descriptor.name(), trans);
        }
        Set<String> present = new HashSet<>(requires.keySet());
        if (release < Runtime.version().feature()) {
            present.removeAll(absentFrom(release));
        }
        return new SystemModules(release, packages, requires, transitive, present, api);
    }

    int release() {
        return release;
    }

    /**
     * @return whether the JDK module exports a package to every module (an API code names), rather than only
     *     providing services (as {@code jdk.zipfs}, {@code jdk.crypto.ec}, {@code jdk.charsets})
     */
    boolean hasApi(String module) {
        return api.contains(module);
    }

    /** @return whether {@code pkg} (dotted) is a package of a JDK module */
    boolean isJdkPackage(String pkg) {
        return moduleOfPackage.containsKey(pkg);
    }

    /** @return the module holding {@code pkg}, if a JDK module does */
    Optional<String> moduleOf(String pkg) {
        return Optional.ofNullable(moduleOfPackage.get(pkg));
    }

    /** @return whether the target release has {@code module} */
    boolean exists(String module) {
        return present.contains(module);
    }

    /** @return {@code roots} and every module they require, directly or not ({@code requires static} excluded) */
    Set<String> closure(Collection<String> roots) {
        Set<String> closed = new TreeSet<>();
        Deque<String> todo = new ArrayDeque<>(roots);
        while (!todo.isEmpty()) {
            String module = todo.pop();
            if (closed.add(module)) {
                todo.addAll(requires.getOrDefault(module, Set.of()));
            }
        }
        return closed;
    }

    /**
     * @return for every module the closure of {@code roots} adds, the module (a root, or one added before it) that
     *     requires it first, reading the roots and their requirements in name order, breadth first
     */
    Map<String, String> requiredBy(Collection<String> roots) {
        Map<String, String> by = new TreeMap<>();
        Set<String> seen = new TreeSet<>(roots);
        Deque<String> todo = new ArrayDeque<>(new TreeSet<>(roots));
        while (!todo.isEmpty()) {
            String module = todo.removeFirst();
            for (String required : new TreeSet<>(requires.getOrDefault(module, Set.of()))) {
                if (seen.add(required)) {
                    by.put(required, module);
                    todo.addLast(required);
                }
            }
        }
        return by;
    }

    /** Drops the modules another one of the set already brings through {@code requires transitive}. */
    List<String> reduce(Set<String> modules) {
        Set<String> implied = new HashSet<>();
        for (String module : modules) {
            Deque<String> todo = new ArrayDeque<>(List.of(module));
            while (!todo.isEmpty()) {
                for (String required : requiresTransitive.getOrDefault(todo.pop(), Set.of())) {
                    if (implied.add(required)) {
                        todo.push(required);
                    }
                }
            }
        }
        TreeSet<String> reduced = new TreeSet<>(modules);
        reduced.removeIf(m -> implied.contains(m) && !"java.base".equals(m));
        return List.copyOf(reduced);
    }

    /**
     * The modules {@code ct.sym} knows in some release but not in {@code release}. Its entries are
     * {@code <releases>/<module>/...}, where {@code <releases>} holds one character per release the entry is valid
     * for ({@code 9}, {@code A} for 10, ...). A module {@code ct.sym} does not mention at all is not reported absent.
     *
     * @return those modules; empty when the build JDK has no {@code ct.sym}
     */
    static Set<String> absentFrom(int release) {
        Path ctSym = Path.of(System.getProperty("java.home"), "lib", "ct.sym");
        if (release < 9 || release > 35 || !Files.isRegularFile(ctSym)) {
            return Set.of();
        }
        char code = Character.toUpperCase(Character.forDigit(release, 36));
        Set<String> known = new HashSet<>();
        Set<String> inRelease = new HashSet<>();
        try (ZipFile zip = new ZipFile(ctSym.toFile())) {
            for (Enumeration<? extends ZipEntry> entries = zip.entries(); entries.hasMoreElements(); ) {
                String name = entries.nextElement().getName();
                if (!name.endsWith("/module-info.sig")) {
                    continue;
                }
                int slash = name.indexOf('/');
                String module = name.substring(slash + 1, name.length() - "/module-info.sig".length());
                known.add(module);
                if (name.substring(0, slash).indexOf(code) >= 0) {
                    inRelease.add(module);
                }
            }
        } catch (IOException | RuntimeException e) {
            return Set.of();
        }
        if (inRelease.isEmpty()) {
            return Set.of();
        }
        known.removeAll(inRelease);
        return Collections.unmodifiableSet(known);
    }
}
