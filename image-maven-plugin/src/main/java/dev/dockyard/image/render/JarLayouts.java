package dev.dockyard.image.render;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import dev.dockyard.image.render.StagingPlan.DiskFile;
import dev.dockyard.image.render.StagingPlan.JarEntryFile;
import dev.dockyard.image.render.StagingPlan.PlannedFile;
import dev.dockyard.image.render.StagingPlan.PlannedLayer;
import dev.dockyard.image.render.StagingPlan.RepackedJar;
import dev.dockyard.image.render.StagingPlan.Role;

/**
 * Recognises what a module's jar is, from its manifest and layout, and plans its staging so that no jar is staged
 * twice: a Spring Boot repackaged jar is staged exploded (its nested jars in the layers its {@code layers.idx}
 * names, its classes as one jar, {@code Start-Class} on a plain class path, no loader); a shaded jar alone,
 * without the dependencies it holds (maven-shade-plugin, or the assembly's jar-with-dependencies when it replaces the
 * module's jar); a Quarkus fast-jar as its {@code lib/} and its application files; anything else as the jar plus its
 * resolved dependencies. A jar-with-dependencies attached beside a thin jar is not used: the thin jar and its
 * dependencies layer better.
 */
final class JarLayouts {

    /** Values of {@code image.layout}. */
    static final String AUTO = "auto";
    static final String PLAIN = "plain";
    static final String SHADED = "shaded";
    static final List<String> SETTINGS = List.of(AUTO, PLAIN, SHADED);

    static final String QUARKUS_APP = "quarkus-app";
    static final String QUARKUS_RUN = "quarkus-run.jar";
    /** What maven-assembly-plugin appends to the name of the jar it attaches ({@code jar-with-dependencies}). */
    static final String ASSEMBLY_SUFFIX = "-jar-with-dependencies.jar";

    private static final String BOOT_LOADER_LAYER = "spring-boot-loader";
    /** How many class files of a dependency are looked for in the module's jar. */
    private static final int SAMPLE_CLASSES = 3;

    private JarLayouts() {
    }

    static StagingPlan plan(RenderRequest request) throws RenderException, IOException {
        String setting = request.layout() == null ? AUTO : request.layout().strip().toLowerCase(Locale.ROOT);
        if (!SETTINGS.contains(setting)) {
            throw new RenderException("image.layout '" + request.layout() + "' is not one of "
                    + String.join(", ", SETTINGS) + ". Leave it unset (auto) to recognise Spring Boot, shaded and"
                    + " Quarkus jars.");
        }
        Path jar = request.applicationJar();
        if (setting.equals(AUTO)) {
            Optional<Path> quarkus = quarkusDirectory(jar);
            if (quarkus.isPresent()) {
                return quarkus(quarkus.get(), request.artifacts());
            }
        }
        Manifest manifest = manifest(jar);
        Attributes main = manifest == null ? new Attributes() : manifest.getMainAttributes();
        if (setting.equals(AUTO) && main.getValue("Spring-Boot-Lib") != null) {
            return springBoot(jar, manifest, request.artifacts());
        }
        if (setting.equals(PLAIN)) {
            return plain(jar, request.artifacts(), JarLayout.PLAIN.description() + " (image.layout=plain)"
                    + unusedAssembly(jar), List.of());
        }
        Inside inside = inside(jar, request.artifacts());
        if (inside.dependencies().isEmpty()) {
            return setting.equals(SHADED)
                    ? plain(jar, request.artifacts(), JarLayout.SHADED.description() + " (image.layout=shaded):"
                            + " it holds none of its dependencies' classes, which are staged as usual", List.of())
                    : plain(jar, request.artifacts(), JarLayout.PLAIN.description() + unusedAssembly(jar),
                            List.of());
        }
        String name = jar.getFileName().toString();
        if (setting.equals(SHADED) || inside.packedByMaven()) {
            List<ArtifactInput> rest = request.artifacts().stream()
                    .filter(a -> !inside.dependencies().contains(a)).toList();
            String summary = JarLayout.SHADED.description() + ": " + inside.dependencies().size() + " of "
                    + request.artifacts().size() + " dependencies are inside " + name + " and are not staged again"
                    + (rest.isEmpty() ? "" : "; " + rest.size() + " staged beside it");
            StagingPlan staged = plain(jar, rest, summary, List.of());
            return new StagingPlan(JarLayout.SHADED, summary, List.of(), staged.layers(), staged.classpath(), null);
        }
        List<String> names = inside.dependencies().stream().map(a -> a.file().getFileName().toString()).toList();
        String warning = name + " holds the classes of " + names.size() + " of its dependencies ("
                + String.join(", ", names.subList(0, Math.min(3, names.size())))
                + (names.size() > 3 ? ", ..." : "") + ") but is no jar Dockyard recognises (Spring Boot, shaded,"
                + " Quarkus): they are staged a second time. Set image.layout=shaded to stage the jar without them,"
                + " or image.layout=plain to keep both and silence this warning.";
        return plain(jar, request.artifacts(), JarLayout.PLAIN.description() + " (the jar holds dependencies: see"
                + " the warning)", List.of(warning));
    }

    /**
     * @return the {@code -jar-with-dependencies.jar} that maven-assembly-plugin attaches beside {@code jar} (its
     *         default, {@code appendAssemblyId=true}), if there is one
     */
    static Optional<Path> attachedAssembly(Path jar) {
        String name = jar.getFileName().toString();
        if (!name.endsWith(".jar")) {
            return Optional.empty();
        }
        Path attached = jar.resolveSibling(name.substring(0, name.length() - ".jar".length()) + ASSEMBLY_SUFFIX);
        return Files.isRegularFile(attached) ? Optional.of(attached) : Optional.empty();
    }

    /** The part of the layout line that says why an attached jar-with-dependencies is not staged. */
    private static String unusedAssembly(Path jar) {
        return attachedAssembly(jar).map(attached -> "; " + attached.getFileName() + " (attached by"
                + " maven-assembly-plugin) is not used: the thin jar and its dependencies are staged in their own"
                + " layers, so a code change rebuilds only the application layer").orElse("");
    }

    /** @return the Quarkus fast-jar directory that belongs to {@code jar}, if there is one */
    static Optional<Path> quarkusDirectory(Path jar) {
        Path parent = jar.toAbsolutePath().getParent();
        if (jar.getFileName().toString().equals(QUARKUS_RUN) && Files.isDirectory(parent.resolve("quarkus"))) {
            return Optional.of(parent);
        }
        Path sibling = parent.resolve(QUARKUS_APP);
        return Files.isRegularFile(sibling.resolve(QUARKUS_RUN)) ? Optional.of(sibling) : Optional.empty();
    }

    private static StagingPlan plain(Path jar, List<ArtifactInput> artifacts, String summary, List<String> warnings) {
        Map<Layer, List<PlannedFile>> byLayer = new LinkedHashMap<>();
        for (Layer layer : Layer.values()) {
            byLayer.put(layer, new ArrayList<>());
        }
        List<String> classpath = new ArrayList<>();
        String applicationName = jar.getFileName().toString();
        byLayer.get(Layer.APPLICATION).add(new PlannedFile(applicationName, new DiskFile(jar), Role.OWN));
        classpath.add(Layer.APPLICATION.imageDirectory() + "/" + applicationName);
        for (ArtifactInput artifact : artifacts) {
            List<PlannedFile> files = byLayer.get(artifact.layer());
            String name = artifact.file().getFileName().toString();
            String taken = name;
            if (files.stream().anyMatch(f -> f.path().equals(taken))) {
                name = artifact.groupId() + "-" + name;
            }
            files.add(new PlannedFile(name, new DiskFile(artifact.file()),
                    artifact.layer() == Layer.MODULES ? Role.OWN : Role.LIBRARY));
            classpath.add(artifact.layer().imageDirectory() + "/" + name);
        }
        return new StagingPlan(JarLayout.PLAIN, summary, warnings, layers(byLayer), classpath, null);
    }

    private static List<PlannedLayer> layers(Map<Layer, List<PlannedFile>> byLayer) {
        List<PlannedLayer> layers = new ArrayList<>();
        byLayer.forEach((layer, files) -> {
            if (!files.isEmpty()) {
                layers.add(new PlannedLayer(layer.id(), layer.imageDirectory(), files));
            }
        });
        return layers;
    }

    // ---- Spring Boot ------------------------------------------------------------------------------------------

    private static StagingPlan springBoot(Path jar, Manifest manifest, List<ArtifactInput> artifacts)
            throws RenderException, IOException {
        Attributes main = manifest.getMainAttributes();
        String classes = directory(main.getValue("Spring-Boot-Classes"), "BOOT-INF/classes/");
        String lib = directory(main.getValue("Spring-Boot-Lib"), "BOOT-INF/lib/");
        String name = jar.getFileName().toString();
        List<String> libraries = new ArrayList<>();
        List<String> classpathIndex;
        List<Map.Entry<String, List<String>>> index;
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            for (Enumeration<? extends ZipEntry> e = zip.entries(); e.hasMoreElements();) {
                ZipEntry entry = e.nextElement();
                String path = entry.getName();
                if (!entry.isDirectory() && path.startsWith(lib) && path.endsWith(".jar")
                        && path.indexOf('/', lib.length()) < 0 && !isJarMode(path.substring(lib.length()))) {
                    libraries.add(path);
                }
            }
            classpathIndex = quotedLines(zip, main.getValue("Spring-Boot-Classpath-Index")).stream()
                    .map(line -> line.startsWith("- ") ? line.substring(2).strip() : line).map(JarLayouts::unquote)
                    .map(path -> path.contains("/") ? path : lib + path).toList();
            index = layersIndex(zip, main.getValue("Spring-Boot-Layers-Index"), jar);
        }
        // class path order: as classpath.idx, then any jar it does not list, in the jar's order
        List<String> ordered = new ArrayList<>(classpathIndex.stream().filter(libraries::contains).toList());
        libraries.stream().filter(l -> !ordered.contains(l)).forEach(ordered::add);

        Set<String> moduleNames = new HashSet<>();
        Set<String> snapshotNames = new HashSet<>();
        for (ArtifactInput artifact : artifacts) {
            String file = artifact.file().getFileName().toString();
            if (artifact.layer() == Layer.MODULES) {
                moduleNames.add(file);
            } else if (artifact.layer() == Layer.SNAPSHOT_DEPENDENCIES) {
                snapshotNames.add(file);
            }
        }

        Map<String, List<PlannedFile>> byLayer = new LinkedHashMap<>();
        Map<String, String> imageDirectories = new LinkedHashMap<>();
        if (index.isEmpty()) {
            for (Layer layer : Layer.values()) {
                byLayer.put(layer.id(), new ArrayList<>());
                imageDirectories.put(layer.id(), layer.imageDirectory());
            }
        } else {
            for (Map.Entry<String, List<String>> layer : index) {
                if (layer.getKey().equals(Layer.APPLICATION.id())) {
                    byLayer.put(Layer.MODULES.id(), new ArrayList<>());
                    imageDirectories.put(Layer.MODULES.id(), Layer.MODULES.imageDirectory());
                }
                if (!layer.getKey().equals(BOOT_LOADER_LAYER)) {
                    byLayer.put(layer.getKey(), new ArrayList<>());
                    imageDirectories.put(layer.getKey(), imageDirectory(layer.getKey()));
                }
            }
            byLayer.putIfAbsent(Layer.MODULES.id(), new ArrayList<>());
            imageDirectories.putIfAbsent(Layer.MODULES.id(), Layer.MODULES.imageDirectory());
            byLayer.putIfAbsent(Layer.APPLICATION.id(), new ArrayList<>());
            imageDirectories.putIfAbsent(Layer.APPLICATION.id(), Layer.APPLICATION.imageDirectory());
        }

        List<String> classpath = new ArrayList<>();
        String classesLayer = index.isEmpty() ? Layer.APPLICATION.id() : layerOf(index, classes, Layer.APPLICATION.id());
        if (classesLayer.equals(BOOT_LOADER_LAYER)) {
            classesLayer = Layer.APPLICATION.id();
        }
        byLayer.get(classesLayer).add(new PlannedFile(name, new RepackedJar(jar, classes, classesManifest(manifest)),
                Role.OWN));
        classpath.add(imageDirectories.get(classesLayer) + "/" + name);
        for (String library : ordered) {
            String file = library.substring(lib.length());
            String layer;
            if (index.isEmpty()) {
                layer = moduleNames.contains(file) ? Layer.MODULES.id()
                        : snapshotNames.contains(file) || file.contains("-SNAPSHOT") ? Layer.SNAPSHOT_DEPENDENCIES.id()
                        : Layer.DEPENDENCIES.id();
            } else {
                layer = layerOf(index, library, Layer.DEPENDENCIES.id());
                if (moduleNames.contains(file) && layer.equals(Layer.APPLICATION.id())
                        || layer.equals(BOOT_LOADER_LAYER)) {
                    layer = moduleNames.contains(file) ? Layer.MODULES.id() : Layer.DEPENDENCIES.id();
                }
            }
            byLayer.computeIfAbsent(layer, l -> new ArrayList<>()).add(new PlannedFile(file,
                    new JarEntryFile(jar, library), moduleNames.contains(file) ? Role.OWN : Role.LIBRARY));
            classpath.add(imageDirectories.get(layer) + "/" + file);
        }
        List<PlannedLayer> layers = new ArrayList<>();
        byLayer.forEach((layer, files) -> {
            if (!files.isEmpty()) {
                layers.add(new PlannedLayer(layer, imageDirectories.get(layer), files));
            }
        });
        String start = main.getValue("Start-Class");
        String summary = JarLayout.SPRING_BOOT.description() + (main.getValue("Spring-Boot-Version") != null
                ? " (Spring Boot " + main.getValue("Spring-Boot-Version") + ")" : "") + ": staged exploded, "
                + ordered.size() + " nested jars " + (index.isEmpty() ? "in the default layers" : "in the layers of "
                + "its layers.idx") + ", its classes as " + name + "; Start-Class runs on a plain class path, so the"
                + " spring-boot-loader is not staged and its Maven dependencies are not staged again";
        return new StagingPlan(JarLayout.SPRING_BOOT, summary, List.of(), layers, classpath,
                start == null || start.isBlank() ? null : start.strip());
    }

    private static boolean isJarMode(String file) {
        return file.startsWith("spring-boot-jarmode-");
    }

    private static String directory(String value, String fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        String v = value.strip();
        return v.endsWith("/") ? v : v + "/";
    }

    private static String imageDirectory(String layer) {
        for (Layer known : Layer.values()) {
            if (known.id().equals(layer)) {
                return known.imageDirectory();
            }
        }
        return layer;
    }

    /** The layer whose entry matches {@code path}: an exact file entry, else the longest directory prefix. */
    private static String layerOf(List<Map.Entry<String, List<String>>> index, String path, String fallback) {
        String best = null;
        int bestLength = -1;
        for (Map.Entry<String, List<String>> layer : index) {
            for (String entry : layer.getValue()) {
                if (entry.equals(path)) {
                    return layer.getKey();
                }
                if (entry.endsWith("/") && path.startsWith(entry) && entry.length() > bestLength) {
                    best = layer.getKey();
                    bestLength = entry.length();
                }
            }
        }
        return best != null ? best : fallback;
    }

    /** Parses {@code layers.idx}: {@code - "name":} lines, each followed by {@code   - "path"} lines. */
    private static List<Map.Entry<String, List<String>>> layersIndex(ZipFile zip, String entry, Path jar)
            throws RenderException, IOException {
        List<Map.Entry<String, List<String>>> layers = new ArrayList<>();
        for (String line : quotedLines(zip, entry)) {
            if (line.startsWith("- ") && line.endsWith(":")) {
                String name = unquote(line.substring(2, line.length() - 1).strip());
                if (!name.matches("[A-Za-z0-9][A-Za-z0-9._-]*")) {
                    throw new RenderException(jar + ": layer '" + name + "' of its " + entry + " is not a usable"
                            + " directory name (letters, digits, '.', '_', '-'). Rename it in the layers"
                            + " configuration of spring-boot-maven-plugin.");
                }
                layers.add(Map.entry(name, new ArrayList<>()));
            } else if (line.startsWith("- ") && !layers.isEmpty()) {
                layers.get(layers.size() - 1).getValue().add(unquote(line.substring(2).strip()));
            }
        }
        return layers;
    }

    private static List<String> quotedLines(ZipFile zip, String entry) throws IOException {
        if (entry == null || entry.isBlank()) {
            return List.of();
        }
        ZipEntry found = zip.getEntry(entry.strip());
        if (found == null) {
            return List.of();
        }
        List<String> lines = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(
                new InputStreamReader(zip.getInputStream(found), StandardCharsets.UTF_8))) {
            for (String line; (line = reader.readLine()) != null;) {
                if (!line.isBlank()) {
                    lines.add(line.strip());
                }
            }
        }
        return lines;
    }

    private static String unquote(String value) {
        return value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")
                ? value.substring(1, value.length() - 1) : value;
    }

    /** The manifest of the classes jar: the repackaged one's, with Start-Class as Main-Class, no Spring-Boot-*. */
    private static Manifest classesManifest(Manifest original) {
        Manifest manifest = new Manifest();
        Attributes attributes = manifest.getMainAttributes();
        attributes.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        original.getMainAttributes().forEach((key, value) -> {
            String name = key.toString();
            if (!name.startsWith("Spring-Boot-") && !name.equals("Main-Class") && !name.equals("Start-Class")
                    && !name.equals("Class-Path")) {
                attributes.put(key, value);
            }
        });
        String start = original.getMainAttributes().getValue("Start-Class");
        if (start != null) {
            attributes.put(Attributes.Name.MAIN_CLASS, start.strip());
        }
        return manifest;
    }

    // ---- shaded / fat jars ------------------------------------------------------------------------------------

    /**
     * @param dependencies the dependencies whose classes (or Maven metadata) are inside the module's jar
     * @param packedByMaven whether the jar carries their {@code META-INF/maven/} metadata, as maven-shade-plugin
     *        and the assembly's jar-with-dependencies leave it
     */
    record Inside(List<ArtifactInput> dependencies, boolean packedByMaven) {
    }

    static Inside inside(Path jar, List<ArtifactInput> artifacts) throws IOException {
        if (artifacts.isEmpty()) {
            return new Inside(List.of(), false);
        }
        Set<String> entries = new HashSet<>();
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            for (Enumeration<? extends ZipEntry> e = zip.entries(); e.hasMoreElements();) {
                entries.add(e.nextElement().getName());
            }
        }
        List<ArtifactInput> inside = new ArrayList<>();
        boolean metadata = false;
        for (ArtifactInput artifact : artifacts) {
            boolean classes = false;
            boolean pom = false;
            try (ZipFile dependency = new ZipFile(artifact.file().toFile())) {
                int sampled = 0;
                for (Enumeration<? extends ZipEntry> e = dependency.entries(); e.hasMoreElements();) {
                    String name = e.nextElement().getName();
                    if (name.startsWith("META-INF/maven/") && name.endsWith("/pom.properties")) {
                        pom |= entries.contains(name);
                    } else if (sampled < SAMPLE_CLASSES && name.endsWith(".class") && !name.startsWith("META-INF/")
                            && !name.endsWith("module-info.class") && !name.endsWith("package-info.class")) {
                        sampled++;
                        classes |= entries.contains(name);
                    }
                }
            } catch (IOException e) {
                continue; // not a readable jar: it cannot be inside the module's jar either
            }
            if (classes || pom) {
                inside.add(artifact);
                metadata |= pom;
            }
        }
        return new Inside(inside, metadata);
    }

    // ---- Quarkus ----------------------------------------------------------------------------------------------

    private static StagingPlan quarkus(Path app, List<ArtifactInput> artifacts) throws RenderException, IOException {
        Path run = app.resolve(QUARKUS_RUN);
        if (!Files.isRegularFile(run) || !Files.isDirectory(app.resolve("lib"))) {
            throw new RenderException(app + " is not a complete Quarkus fast-jar (no " + QUARKUS_RUN + " or lib/):"
                    + " build it with quarkus-maven-plugin (mvn package) before image:dockerfile, or remove it.");
        }
        Set<String> moduleNames = new HashSet<>();
        for (ArtifactInput artifact : artifacts) {
            if (artifact.layer() == Layer.MODULES) {
                moduleNames.add(artifact.groupId() + "." + artifact.file().getFileName());
            }
        }
        List<PlannedFile> dependencies = new ArrayList<>();
        List<PlannedFile> snapshots = new ArrayList<>();
        List<PlannedFile> modules = new ArrayList<>();
        for (String part : List.of("boot", "main")) {
            for (Path file : files(app.resolve("lib").resolve(part))) {
                String name = file.getFileName().toString();
                String path = app.resolve("lib").relativize(file).toString().replace('\\', '/');
                if (moduleNames.contains(name)) {
                    modules.add(new PlannedFile(path, new DiskFile(file), Role.OWN));
                } else {
                    (name.contains("-SNAPSHOT") ? snapshots : dependencies)
                            .add(new PlannedFile(path, new DiskFile(file), Role.LIBRARY));
                }
            }
        }
        List<PlannedFile> application = new ArrayList<>();
        application.add(new PlannedFile(QUARKUS_RUN, new DiskFile(run), Role.OTHER));
        for (String part : List.of("app", "quarkus")) {
            for (Path file : files(app.resolve(part))) {
                application.add(new PlannedFile(app.relativize(file).toString().replace('\\', '/'),
                        new DiskFile(file), file.toString().endsWith(".jar") ? Role.OWN : Role.OTHER));
            }
        }
        List<PlannedLayer> layers = new ArrayList<>();
        String lib = "lib";
        for (PlannedLayer layer : List.of(new PlannedLayer(Layer.DEPENDENCIES.id(), lib, dependencies),
                new PlannedLayer(Layer.SNAPSHOT_DEPENDENCIES.id(), lib, snapshots),
                new PlannedLayer(Layer.MODULES.id(), lib, modules),
                new PlannedLayer(Layer.APPLICATION.id(), "", application))) {
            if (!layer.files().isEmpty()) {
                layers.add(layer);
            }
        }
        String mainClass = manifest(run) == null ? null : manifest(run).getMainAttributes().getValue("Main-Class");
        String summary = JarLayout.QUARKUS.description() + ": " + (dependencies.size() + snapshots.size()
                + modules.size()) + " jars of lib/boot and lib/main as dependency layers, " + QUARKUS_RUN
                + ", app/ and quarkus/ as the application layer; its Maven dependencies are not staged again";
        return new StagingPlan(JarLayout.QUARKUS, summary, List.of(), layers, List.of(QUARKUS_RUN), mainClass);
    }

    private static List<Path> files(Path directory) throws IOException {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (var walk = Files.walk(directory)) {
            return walk.filter(Files::isRegularFile).sorted().toList();
        }
    }

    private static Manifest manifest(Path jar) throws IOException {
        try (JarFile file = new JarFile(jar.toFile())) {
            return file.getManifest();
        }
    }
}
