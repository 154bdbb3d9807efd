package dev.dockyard.image.modules;

import static dev.dockyard.image.support.CoreException.mention;

import dev.dockyard.image.support.JarSignature;
import dev.dockyard.image.support.Sha256;
import java.io.IOException;
import java.lang.module.ModuleDescriptor;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Computes the runtime modules of an application from a class-file scan of its jars (see the package description).
 *
 * <p>One scanner serves one build: it keeps, for its own lifetime, what it learnt about each jar, keyed by the
 * jar's content (SHA-256) and the target release, so that a library shared by the modules of a reactor is read once
 * per build. It also keeps, per module, a file {@value #STORE} in the module's work directory, keyed by each jar's
 * path, size and time, so that a rebuild reads only the jars that changed. Thread-safe: modules of a parallel build
 * share it.
 */
public final class ModuleScanner {

    /** Per-module cache file, in the work directory. */
    public static final String STORE = "module-scan.txt";
    /** Per-module folder of the jars' class graphs, in the work directory. */
    static final String GRAPHS = "module-scan";
    /** Per-module file of what the libraries' loadable classes name, in the work directory. */
    static final String REACHABLE = "module-scan-loadable.txt";
    /** Reason of {@link ModuleScan#leftOut()}: only classes nothing loads need the module. */
    public static final String NOTHING_LOADS = "not linked: only classes nothing loads need it";

    private static final String HEADER =
            "# Dockyard module scan 6, Java " + Runtime.version().feature();

    private final Map<Integer, SystemModules> jdks = new ConcurrentHashMap<>();
    private final Map<String, String> hashes = new ConcurrentHashMap<>();
    private final Map<String, Once<JarFacts>> facts = new ConcurrentHashMap<>();
    private final Map<String, Once<ClassGraph>> graphs = new ConcurrentHashMap<>();
    private final Map<String, Once<List<JarFacts>>> reachable = new ConcurrentHashMap<>();
    private final AtomicInteger jarsRead = new AtomicInteger();

    /** Reasons of {@link ModuleScan#explanation()}: a class file names a package of the module. */
    public static final String CLASS_REFERENCE = "class reference";
    /** A jar's {@code module-info.class} requires the module. */
    public static final String MODULE_DESCRIPTOR = "module descriptor";
    /** Where a package named only in a module's sources (not compiled yet) is located. */
    private static final String SOURCES = "sources";
    /** {@code java.base}, which every runtime holds. */
    public static final String ALWAYS = "always added";
    /** Another linked module requires it. */
    public static final String REQUIRED = "required";

    /** Scans the request's jars (those it does not know already) and computes their modules. */
    public ModuleScan scan(ScanRequest request) throws IOException {
        return scan(request, List.of());
    }

    /**
     * As {@link #scan(ScanRequest)}, adding what the Java and Kotlin sources below {@code sources} name: for a module
     * whose class files this build has not compiled yet.
     */
    public ModuleScan scan(ScanRequest request, List<Path> sources) throws IOException {
        SystemModules jdk = jdks.computeIfAbsent(request.release(), SystemModules::of);
        Map<String, String> stored = load(request.workDirectory());
        Map<String, String> store = new LinkedHashMap<>();
        List<String> warnings = new ArrayList<>();
        Map<String, String> heldDeclared = new TreeMap<>();
        Map<String, Set<String>> held = held(request, heldDeclared);
        String heldKey = held.isEmpty()
                ? ""
                : "+" + Sha256.hex(new TreeMap<>(held).toString()).substring(0, 16);
        List<Scanned> scanned = new ArrayList<>();
        for (Path jar : request.jars()) {
            scanned.add(read(jar, request, jdk, held, heldKey, stored, store));
        }
        Map<String, Located> allPackages = new HashMap<>();
        Map<String, Located> allFeatures = new HashMap<>();
        Map<String, String> allDeclared = new TreeMap<>();
        for (int i = 0; i < scanned.size(); i++) {
            Path jar = request.jars().get(i);
            JarFacts jarFacts = scanned.get(i).facts();
            collect(jar.getFileName().toString(), jarFacts, allPackages, allFeatures, allDeclared);
            if (jarFacts.warning() != null) {
                warnings.add("Module scan: " + jar.getFileName() + ": " + jarFacts.warning() + ". The modules it"
                        + " uses there are not counted: add any it needs with " + mention("additionalModules") + ".");
            }
        }
        heldDeclared.forEach(allDeclared::putIfAbsent);
        Map<String, Located> packages = allPackages;
        Map<String, Located> features = allFeatures;
        Map<String, String> declared = allDeclared;
        boolean pruning = !request.entryPoints().isEmpty();
        if (pruning) {
            List<JarFacts> loadable = loadable(request, jdk, held, scanned);
            packages = new HashMap<>();
            features = new HashMap<>();
            declared = new TreeMap<>();
            for (int i = 0; i < scanned.size(); i++) {
                collect(request.jars().get(i).getFileName().toString(), loadable.get(i), packages, features, declared);
            }
            heldDeclared.forEach(declared::putIfAbsent);
        }
        if (!sources.isEmpty()) {
            JarFacts sourceFacts = SourceScanner.scan(sources);
            Map<String, Located> sourcePackages = packages;
            sourceFacts.packages().forEach((pkg, use) -> {
                if (jdk.isJdkPackage(pkg)) {
                    sourcePackages.putIfAbsent(pkg, new Located(SOURCES, use.owner(), use.target()));
                }
            });
            Map<String, Located> sourceFeatures = features;
            sourceFacts
                    .features()
                    .forEach((feature, owner) -> sourceFeatures.putIfAbsent(
                            feature, new Located(SOURCES, owner, feature.replace(JarFacts.Feature.REFLECTED, ""))));
        }
        if (request.workDirectory() != null) {
            if (!store.equals(stored)) {
                save(request.workDirectory(), store);
            }
            Set<Path> graphFiles = new HashSet<>();
            scanned.forEach(jar -> graphFiles.add(jar.graphFile()));
            removeStaleGraphs(request.workDirectory().resolve(GRAPHS), graphFiles);
        }
        ModuleScan scan = compute(jdk, packages, features, declared, request, warnings);
        if (!pruning) {
            return scan;
        }
        // what a scan of every class would have linked besides: said, with its reason
        ModuleScan everything = compute(jdk, allPackages, allFeatures, allDeclared, request, new ArrayList<>());
        List<String> leftOut = new ArrayList<>();
        for (String line : everything.explanation()) {
            String module = line.substring(0, line.indexOf(':'));
            if (!scan.closure().contains(module)) {
                leftOut.add(module + ": " + NOTHING_LOADS + " (" + line.substring(module.length() + 2) + ")");
            }
        }
        return scan.leaving(leftOut);
    }

    /**
     * One jar of a request: its facts (their graph perhaps not read yet), the key of its content for the target, and
     * where its graph is kept ({@code null} for a class directory or without a work directory).
     */
    private record Scanned(Path jar, JarFacts facts, String key, Path graphFile) {}

    /** Reads (or finds in the caches) one jar's facts, and notes them in {@code store}. */
    private Scanned read(
            Path jar,
            ScanRequest request,
            SystemModules jdk,
            Map<String, Set<String>> held,
            String heldKey,
            Map<String, String> stored,
            Map<String, String> store)
            throws IOException {
        if (Files.isDirectory(jar)) {
            return new Scanned(jar, new JarScanner(jdk, held).scan(jar), null, null);
        }
        BasicFileAttributes attributes = Files.readAttributes(jar, BasicFileAttributes.class);
        String path = jar.toAbsolutePath().normalize().toString();
        String stamp = path + "\t" + attributes.size() + "\t"
                + attributes.lastModifiedTime().toMillis()
                + (request.built().contains(jar) ? "/" + signature(jar) : "") + "\t"
                + request.release() + heldKey;
        String line = stored.get(stamp);
        String hash;
        JarFacts jarFacts;
        if (line != null) {
            String[] fields = line.split("\t", -1);
            hash = fields[0];
            hashes.putIfAbsent(stamp, hash);
            JarFacts known = JarFacts.decode(fields, 1);
            jarFacts = facts.computeIfAbsent(hash + "@" + request.release() + heldKey, k -> new Once<>())
                    .get(() -> known);
        } else {
            hash = hashes.computeIfAbsent(stamp, k -> sha256(jar));
            jarFacts = facts.computeIfAbsent(hash + "@" + request.release() + heldKey, k -> new Once<>())
                    .get(() -> {
                        jarsRead.incrementAndGet();
                        return new JarScanner(jdk, held).scan(jar);
                    });
        }
        store.put(stamp, hash + "\t" + jarFacts.encode());
        String key = hash + "-" + request.release() + heldKey;
        Path graphFile = request.workDirectory() == null
                ? null
                : request.workDirectory().resolve(GRAPHS).resolve(key + ".gz");
        if (jarFacts.graph() != null && graphFile != null && !Files.isRegularFile(graphFile)) {
            jarFacts.graph().write(graphFile);
        }
        return new Scanned(jar, jarFacts, key, graphFile);
    }

    /** The jar's class graph: from its facts, this build's memory, its file, or a new read of the jar. */
    private ClassGraph graph(Scanned jar, SystemModules jdk, Map<String, Set<String>> held) {
        if (jar.facts().graph() != null) {
            return jar.facts().graph();
        }
        return graphs.computeIfAbsent(jar.key(), k -> new Once<>()).get(() -> {
            ClassGraph kept = jar.graphFile() == null ? null : ClassGraph.read(jar.graphFile());
            if (kept != null) {
                return kept;
            }
            jarsRead.incrementAndGet();
            ClassGraph read = new JarScanner(jdk, held).scan(jar.jar()).graph();
            if (jar.graphFile() != null) {
                try {
                    read.write(jar.graphFile());
                } catch (IOException e) {
                    // only a cache
                }
            }
            return read;
        });
    }

    /**
     * What each jar's loadable classes name ({@link Reachability}): the module's own jars' facts as they are (all
     * their classes are loadable), the libraries' as far as those and the entry points reach. The libraries' part
     * depends only on what the own jars and the entry points name and on the libraries themselves: it is kept, by
     * those, for the build and in the work directory, so that a change of the module's code that names nothing new
     * reads no library's graph.
     */
    private List<JarFacts> loadable(
            ScanRequest request, SystemModules jdk, Map<String, Set<String>> held, List<Scanned> scanned)
            throws IOException {
        List<String> outward = new ArrayList<>(request.entryPoints());
        List<String> libraries = new ArrayList<>();
        for (Scanned jar : scanned) {
            if (request.built().contains(jar.jar()) || jar.key() == null) {
                ClassGraph graph = graph(jar, jdk, held);
                outward.add(jar.jar().getFileName() + " " + outward(graph));
            } else {
                libraries.add(jar.key());
            }
        }
        String key = Sha256.hex(HEADER + "\n" + String.join("\n", outward) + "\n" + String.join("\n", libraries));
        Path file =
                request.workDirectory() == null ? null : request.workDirectory().resolve(REACHABLE);
        List<JarFacts> result = reachable
                .computeIfAbsent(key, k -> new Once<>())
                .get(() -> {
                    List<JarFacts> kept = readReachable(file, key, scanned.size());
                    return kept != null ? kept : reach(request, jdk, held, scanned);
                });
        if (file != null && !key.equals(firstLine(file))) {
            List<String> lines = new ArrayList<>(List.of(key));
            result.forEach(facts -> lines.add(facts.encode()));
            Path temporary = Files.createTempFile(request.workDirectory(), REACHABLE, ".tmp");
            Files.write(temporary, lines, StandardCharsets.UTF_8);
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
        }
        return result;
    }

    private List<JarFacts> reach(
            ScanRequest request, SystemModules jdk, Map<String, Set<String>> held, List<Scanned> scanned) {
        List<Reachability.Unit> units = new ArrayList<>();
        for (Scanned jar : scanned) {
            units.add(new Reachability.Unit(
                    graph(jar, jdk, held), request.built().contains(jar.jar()) || jar.key() == null));
        }
        List<String> entryPoints = new ArrayList<>();
        request.entryPoints().forEach(name -> entryPoints.add(name.replace('.', '/')));
        List<Set<ClassGraph.Node>> loadable = Reachability.of(units, entryPoints, name -> {
            int slash = name.lastIndexOf('/');
            return slash > 0 && jdk.isJdkPackage(name.substring(0, slash).replace('/', '.'));
        });
        List<JarFacts> result = new ArrayList<>();
        for (int i = 0; i < scanned.size(); i++) {
            JarFacts all = scanned.get(i).facts();
            if (units.get(i).own()) {
                result.add(all);
                continue;
            }
            Map<String, JarFacts.Use> packages = new HashMap<>();
            Map<String, String> features = new HashMap<>(units.get(i).graph().features());
            for (ClassGraph.Node node : loadable.get(i)) {
                node.packages()
                        .forEach((pkg, target) -> packages.putIfAbsent(pkg, new JarFacts.Use(node.owner(), target)));
                node.features().forEach(feature -> features.putIfAbsent(feature, node.owner()));
            }
            // a descriptor's requirement of a module with an API counts when a loadable class names it
            Set<String> named = new HashSet<>();
            for (ClassGraph.Node node : loadable.get(i)) {
                node.packages().keySet().forEach(pkg -> jdk.moduleOf(pkg).ifPresent(named::add));
                node.mentions().forEach(pkg -> jdk.moduleOf(pkg).ifPresent(named::add));
            }
            Set<String> requires = new HashSet<>();
            if (!loadable.get(i).isEmpty()) {
                all.requires().stream()
                        .filter(module -> !jdk.hasApi(module) || named.contains(module))
                        .forEach(requires::add);
            }
            result.add(new JarFacts(packages, features, requires, null));
        }
        return List.copyOf(result);
    }

    /** What a jar's classes and files name beyond it, for the key of what they reach. */
    private static String outward(ClassGraph graph) {
        TreeSet<String> names = new TreeSet<>(graph.named());
        names.addAll(graph.packaged());
        names.addAll(graph.entryClasses());
        graph.classes().forEach(node -> names.addAll(node.references()));
        graph.services().forEach((service, providers) -> names.add(service + "=" + new TreeSet<>(providers)));
        return String.join(" ", names);
    }

    /** The kept libraries' part, if {@code file} holds it for {@code key}. */
    private static List<JarFacts> readReachable(Path file, String key, int jars) {
        if (file == null || !Files.isRegularFile(file)) {
            return null;
        }
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            if (lines.size() != jars + 1 || !lines.get(0).equals(key)) {
                return null;
            }
            List<JarFacts> result = new ArrayList<>();
            for (String line : lines.subList(1, lines.size())) {
                result.add(JarFacts.decode(line.split("\t", -1), 0));
            }
            return result;
        } catch (IOException | RuntimeException e) {
            return null; // only a cache
        }
    }

    private static String firstLine(Path file) {
        try (var lines = Files.lines(file, StandardCharsets.UTF_8)) {
            return lines.findFirst().orElse("");
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }

    /** Adds what one jar names, whatever loads it. */
    private static void collect(
            String jarName,
            JarFacts jarFacts,
            Map<String, Located> packages,
            Map<String, Located> features,
            Map<String, String> declared) {
        jarFacts.packages()
                .forEach((pkg, use) -> packages.putIfAbsent(pkg, new Located(jarName, use.owner(), use.target())));
        jarFacts.features()
                .forEach((feature, owner) -> features.putIfAbsent(
                        feature, new Located(jarName, owner, feature.replace(JarFacts.Feature.REFLECTED, ""))));
        jarFacts.requires().forEach(module -> declared.putIfAbsent(module, jarName));
    }

    /** Removes the class graphs of jars this module no longer has. */
    private static void removeStaleGraphs(Path directory, Set<Path> wanted) {
        if (!Files.isDirectory(directory)) {
            return;
        }
        try (var files = Files.list(directory)) {
            for (Path file : files.toList()) {
                if (!wanted.contains(file)) {
                    Files.deleteIfExists(file);
                }
            }
        } catch (IOException e) {
            // only a cache
        }
    }

    /**
     * Reads the module descriptors of the request's held libraries (whose classes a scanned jar holds): what one
     * requires outright is added to {@code declared}, as the library's own jar would add it.
     *
     * @return by package of a held library, the modules its descriptor requires {@code static}
     */
    private static Map<String, Set<String>> held(ScanRequest request, Map<String, String> declared) {
        Map<String, Set<String>> optional = new HashMap<>();
        String holder = request.jars().isEmpty()
                ? ""
                : request.jars().get(0).getFileName().toString();
        for (Path jar : request.held()) {
            JarScanner.descriptor(jar, request.release()).ifPresent(descriptor -> {
                for (ModuleDescriptor.Requires requires : descriptor.requires()) {
                    if (!requires.modifiers().contains(ModuleDescriptor.Requires.Modifier.STATIC)) {
                        declared.putIfAbsent(requires.name(), holder + " (" + jar.getFileName() + " inside)");
                    } else {
                        descriptor
                                .packages()
                                .forEach(pkg -> optional.computeIfAbsent(pkg, k -> new TreeSet<>())
                                        .add(requires.name()));
                    }
                }
            });
        }
        return optional;
    }

    /** @return {@code modules} and every module they require, for the JDK of {@code release}, sorted */
    public List<String> closure(int release, Collection<String> modules) {
        return List.copyOf(jdks.computeIfAbsent(release, SystemModules::of).closure(modules));
    }

    /** @return {@code modules} without those another one brings through {@code requires transitive}, sorted */
    public List<String> reduce(int release, Collection<String> modules) {
        return jdks.computeIfAbsent(release, SystemModules::of).reduce(new TreeSet<>(modules));
    }

    /** @return how many jars this scanner has read so far (the others came from its caches) */
    int jarsRead() {
        return jarsRead.get();
    }

    /** Where a JDK package or a rule's trigger is first seen: the jar (file name), its class, what it names. */
    private record Located(String jar, String owner, String target) {
        String where() {
            return jar + ", " + owner;
        }
    }

    private static ModuleScan compute(
            SystemModules jdk,
            Map<String, Located> packages,
            Map<String, Located> features,
            Map<String, String> declared,
            ScanRequest request,
            List<String> warnings) {
        Set<String> used = new TreeSet<>();
        Map<String, String> why = new TreeMap<>();
        used.add("java.base");
        why.put("java.base", ALWAYS + ": every runtime holds it");
        // the first jar of the request (the application's own first) that names a package of the module
        List<String> byJar = new ArrayList<>(packages.keySet());
        List<String> jarOrder =
                request.jars().stream().map(jar -> jar.getFileName().toString()).toList();
        byJar.sort(Comparator.comparing(
                        (String pkg) -> jarOrder.indexOf(packages.get(pkg).jar()))
                .thenComparing(Comparator.naturalOrder()));
        for (String pkg : byJar) {
            jdk.moduleOf(pkg).ifPresent(module -> {
                used.add(module);
                Located use = packages.get(pkg);
                why.putIfAbsent(module, CLASS_REFERENCE + ": " + use.where() + " names " + use.target());
            });
        }
        declared.forEach((module, jar) -> {
            if (jdk.exists(module)) {
                used.add(module);
                why.putIfAbsent(module, MODULE_DESCRIPTOR + ": " + jar + ", module-info requires " + module);
            }
        });
        Set<String> usedClosure = jdk.closure(used);
        Set<String> featureNames = features.keySet();
        Map<String, ImplicitModules.Rule> rules = ImplicitModules.apply(
                packages.keySet(),
                featureNames,
                usedClosure,
                request.release(),
                request.locales(),
                request.jvmOptions());
        for (Map.Entry<String, ImplicitModules.Rule> rule : rules.entrySet()) {
            String module = rule.getKey();
            if (jdk.exists(module) && !usedClosure.contains(module)) {
                used.add(module);
                ImplicitModules.Rule applied = rule.getValue();
                Located trigger = applied.trigger() == null
                        ? null
                        : packages.getOrDefault(applied.trigger(), features.get(applied.trigger()));
                why.put(
                        module,
                        applied.kind() + ": " + (trigger == null ? "" : trigger.where() + ": ") + applied.why());
            }
        }
        for (String module : request.additionalModules()) {
            if (jdk.exists(module)) {
                used.add(module);
                why.putIfAbsent(module, ImplicitModules.SETTING + ": listed in " + mention("additionalModules"));
            }
        }
        Set<String> closure = jdk.closure(used);
        Set<String> absent = new TreeSet<>();
        closure.removeIf(module -> !jdk.exists(module) && absent.add(module));
        if (!absent.isEmpty()) {
            warnings.add("Module scan: the jars use " + String.join(", ", absent) + ", which Java " + request.release()
                    + " does not have; left out of the runtime.");
        }
        used.retainAll(closure);
        jdk.requiredBy(used).forEach((module, by) -> why.putIfAbsent(module, REQUIRED + " by " + by));
        List<String> explanation = new ArrayList<>();
        for (String module : closure) {
            explanation.add(module + ": " + why.get(module));
        }
        return new ModuleScan(jdk.reduce(used), List.copyOf(closure), explanation, warnings);
    }

    private static Map<String, String> load(Path workDirectory) {
        Map<String, String> stored = new LinkedHashMap<>();
        if (workDirectory == null) {
            return stored;
        }
        Path file = workDirectory.resolve(STORE);
        try {
            if (!Files.isRegularFile(file)) {
                return stored;
            }
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            if (lines.isEmpty() || !lines.get(0).equals(HEADER)) {
                return stored;
            }
            for (String line : lines.subList(1, lines.size())) {
                String[] fields = line.split("\t", -1);
                if (fields.length == 9) {
                    stored.put(
                            String.join("\t", fields[0], fields[1], fields[2], fields[3]),
                            String.join("\t", List.of(fields).subList(4, 9)));
                }
            }
        } catch (IOException | RuntimeException e) {
            stored.clear(); // a damaged cache is only a cache: scan again
        }
        return stored;
    }

    private static void save(Path workDirectory, Map<String, String> store) throws IOException {
        List<String> lines = new ArrayList<>(List.of(HEADER));
        store.forEach((stamp, value) -> lines.add(stamp + "\t" + value));
        Files.createDirectories(workDirectory);
        Path temporary = Files.createTempFile(workDirectory, STORE, ".tmp");
        Files.write(temporary, lines, StandardCharsets.UTF_8);
        Files.move(temporary, workDirectory.resolve(STORE), StandardCopyOption.REPLACE_EXISTING);
    }

    private static String signature(Path jar) {
        try {
            return JarSignature.of(jar);
        } catch (IOException e) {
            return "unreadable"; // scanned (and reported) by path
        }
    }

    private static String sha256(Path jar) {
        try {
            return Sha256.hex(jar);
        } catch (IOException e) {
            // unreadable: scanned (and reported) by path
            return "unreadable:" + jar.toAbsolutePath();
        }
    }

    /** Computes a jar's facts once, however many modules ask for them at the same time. */
    private static final class Once<T> {
        private T value;

        synchronized T get(Supplier<T> compute) {
            if (value == null) {
                value = compute.get();
            }
            return value;
        }
    }
}
