package dev.dockyard.image.stage;

import dev.dockyard.image.stage.StagingPlan.JarEntryFile;
import dev.dockyard.image.stage.StagingPlan.PlannedFile;
import dev.dockyard.image.stage.StagingPlan.PlannedLayer;
import dev.dockyard.image.stage.StagingPlan.RepackedJar;
import dev.dockyard.image.stage.StagingPlan.Role;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.jar.Attributes;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * A jar repackaged by spring-boot-maven-plugin, staged exploded: its nested jars in the layers its {@code layers.idx}
 * names (or the default layers), in the order of its {@code classpath.idx}; its classes as one jar whose
 * {@code Main-Class} is the {@code Start-Class}, so that it runs on a plain class path and the loader is not staged.
 * Its Maven dependencies are not staged again: the nested jars are them.
 */
final class SpringBootJar {

    private static final String LOADER_LAYER = "spring-boot-loader";

    private SpringBootJar() {}

    /** @return whether the manifest's main attributes are a Spring Boot repackaged jar's */
    static boolean recognises(Attributes main) {
        return main.getValue("Spring-Boot-Lib") != null;
    }

    static StagingPlan plan(Path jar, Manifest manifest, List<ArtifactInput> artifacts)
            throws StageException, IOException {
        Attributes main = manifest.getMainAttributes();
        String classes = directory(main.getValue("Spring-Boot-Classes"), "BOOT-INF/classes/");
        String lib = directory(main.getValue("Spring-Boot-Lib"), "BOOT-INF/lib/");
        Contents contents = Contents.read(jar, main, lib);
        Targets targets = new Targets(contents.layers());
        Reactor reactor = Reactor.of(artifacts);

        String name = jar.getFileName().toString();
        String classesLayer = contents.layers().isEmpty()
                ? Layer.APPLICATION.id()
                : contents.layerOf(classes, Layer.APPLICATION.id());
        if (classesLayer.equals(LOADER_LAYER)) {
            classesLayer = Layer.APPLICATION.id();
        }
        targets.add(
                classesLayer,
                new PlannedFile(name, new RepackedJar(jar, classes, classesManifest(manifest)), Role.OWN));
        for (String library : contents.nested()) {
            String file = library.substring(lib.length());
            targets.add(
                    contents.layerOfNested(library, file, reactor),
                    new PlannedFile(
                            file,
                            new JarEntryFile(jar, library),
                            reactor.modules().contains(file) ? Role.OWN : Role.LIBRARY));
        }
        String start = main.getValue("Start-Class");
        return new StagingPlan(
                JarLayout.SPRING_BOOT,
                summary(main, contents, name),
                List.of(),
                targets.layers(),
                targets.classpath(),
                start == null || start.isBlank() ? null : start.strip());
    }

    private static String summary(Attributes main, Contents contents, String name) {
        String version = main.getValue("Spring-Boot-Version");
        return JarLayout.SPRING_BOOT.description() + (version != null ? " (Spring Boot " + version + ")" : "")
                + ": staged exploded, " + contents.nested().size() + " nested jars "
                + (contents.layers().isEmpty() ? "in the default layers" : "in the layers of its layers.idx")
                + ", its classes as " + name + "; Start-Class runs on a plain class path, so the"
                + " spring-boot-loader is not staged and its Maven dependencies are not staged again";
    }

    /** The file names of the reactor's modules and of snapshot dependencies among the module's artifacts. */
    private record Reactor(Set<String> modules, Set<String> snapshots) {
        static Reactor of(List<ArtifactInput> artifacts) {
            Set<String> modules = new HashSet<>();
            Set<String> snapshots = new HashSet<>();
            for (ArtifactInput artifact : artifacts) {
                String file = artifact.file().getFileName().toString();
                if (artifact.layer() == Layer.MODULES) {
                    modules.add(file);
                } else if (artifact.layer() == Layer.SNAPSHOT_DEPENDENCIES) {
                    snapshots.add(file);
                }
            }
            return new Reactor(modules, snapshots);
        }
    }

    /**
     * What the repackaged jar holds.
     *
     * @param nested its nested jars (entry names), in class path order: as {@code classpath.idx}, then any it does
     *        not list, in the jar's order; the jar-mode tools are left out
     * @param layers its {@code layers.idx}: each layer's name and entries, in order; empty when it has none
     */
    private record Contents(List<String> nested, List<Map.Entry<String, List<String>>> layers) {

        static Contents read(Path jar, Attributes main, String lib) throws StageException, IOException {
            List<String> libraries = new ArrayList<>();
            List<String> classpathIndex;
            List<Map.Entry<String, List<String>>> index;
            try (ZipFile zip = new ZipFile(jar.toFile())) {
                for (Enumeration<? extends ZipEntry> e = zip.entries(); e.hasMoreElements(); ) {
                    ZipEntry entry = e.nextElement();
                    String path = entry.getName();
                    if (!entry.isDirectory()
                            && path.startsWith(lib)
                            && path.endsWith(".jar")
                            && path.indexOf('/', lib.length()) < 0
                            && !path.substring(lib.length()).startsWith("spring-boot-jarmode-")) {
                        libraries.add(path);
                    }
                }
                classpathIndex = quotedLines(zip, main.getValue("Spring-Boot-Classpath-Index")).stream()
                        .map(line -> line.startsWith("- ") ? line.substring(2).strip() : line)
                        .map(SpringBootJar::unquote)
                        .map(path -> path.contains("/") ? path : lib + path)
                        .toList();
                index = layersIndex(zip, main.getValue("Spring-Boot-Layers-Index"), jar);
            }
            List<String> ordered = new ArrayList<>(
                    classpathIndex.stream().filter(libraries::contains).toList());
            libraries.stream().filter(l -> !ordered.contains(l)).forEach(ordered::add);
            return new Contents(ordered, index);
        }

        /** The layer whose entry matches {@code path}: an exact file entry, else the longest directory prefix. */
        String layerOf(String path, String fallback) {
            String best = null;
            int bestLength = -1;
            for (Map.Entry<String, List<String>> layer : layers) {
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

        /**
         * The layer of a nested jar: with no {@code layers.idx}, by what it is to the reactor; else the index's,
         * except that a reactor module the index puts with the application goes to the modules layer, and nothing
         * goes to the loader's layer, which is not staged.
         */
        String layerOfNested(String library, String file, Reactor reactor) {
            if (layers.isEmpty()) {
                return reactor.modules().contains(file)
                        ? Layer.MODULES.id()
                        : reactor.snapshots().contains(file) || file.contains("-SNAPSHOT")
                                ? Layer.SNAPSHOT_DEPENDENCIES.id()
                                : Layer.DEPENDENCIES.id();
            }
            String layer = layerOf(library, Layer.DEPENDENCIES.id());
            if (reactor.modules().contains(file) && layer.equals(Layer.APPLICATION.id())
                    || layer.equals(LOADER_LAYER)) {
                return reactor.modules().contains(file) ? Layer.MODULES.id() : Layer.DEPENDENCIES.id();
            }
            return layer;
        }
    }

    /**
     * The layers being planned, in image order, each with its image directory, and the class path they make. The
     * order is the default layers', or the index's with the modules layer just before the application's.
     */
    private static final class Targets {
        private final Map<String, List<PlannedFile>> byLayer = new LinkedHashMap<>();
        private final Map<String, String> imageDirectories = new LinkedHashMap<>();
        private final List<String> classpath = new ArrayList<>();

        Targets(List<Map.Entry<String, List<String>>> index) {
            if (index.isEmpty()) {
                for (Layer layer : Layer.values()) {
                    declare(layer.id());
                }
                return;
            }
            for (Map.Entry<String, List<String>> layer : index) {
                if (layer.getKey().equals(Layer.APPLICATION.id())) {
                    declare(Layer.MODULES.id());
                }
                if (!layer.getKey().equals(LOADER_LAYER)) {
                    declare(layer.getKey());
                }
            }
            declare(Layer.MODULES.id());
            declare(Layer.APPLICATION.id());
        }

        private void declare(String layer) {
            byLayer.putIfAbsent(layer, new ArrayList<>());
            imageDirectories.putIfAbsent(layer, imageDirectory(layer));
        }

        void add(String layer, PlannedFile file) {
            declare(layer);
            byLayer.get(layer).add(file);
            classpath.add(imageDirectories.get(layer) + "/" + file.path());
        }

        List<PlannedLayer> layers() {
            List<PlannedLayer> layers = new ArrayList<>();
            byLayer.forEach((layer, files) -> {
                if (!files.isEmpty()) {
                    layers.add(new PlannedLayer(layer, imageDirectories.get(layer), files));
                }
            });
            return layers;
        }

        List<String> classpath() {
            return classpath;
        }

        /** A default layer's image directory; a layer only the index names goes to the directory of its name. */
        private static String imageDirectory(String layer) {
            for (Layer known : Layer.values()) {
                if (known.id().equals(layer)) {
                    return known.imageDirectory();
                }
            }
            return layer;
        }
    }

    private static String directory(String value, String fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        String v = value.strip();
        return v.endsWith("/") ? v : v + "/";
    }

    /** Parses {@code layers.idx}: {@code - "name":} lines, each followed by {@code   - "path"} lines. */
    private static List<Map.Entry<String, List<String>>> layersIndex(ZipFile zip, String entry, Path jar)
            throws StageException, IOException {
        List<Map.Entry<String, List<String>>> layers = new ArrayList<>();
        for (String line : quotedLines(zip, entry)) {
            if (line.startsWith("- ") && line.endsWith(":")) {
                String name = unquote(line.substring(2, line.length() - 1).strip());
                if (!name.matches("[A-Za-z0-9][A-Za-z0-9._-]*")) {
                    throw new StageException(jar + ": layer '" + name + "' of its " + entry + " is not a usable"
                            + " directory name (letters, digits, '.', '_', '-'). Rename it in the layers"
                            + " configuration of spring-boot-maven-plugin.");
                }
                layers.add(Map.entry(name, new ArrayList<>()));
            } else if (line.startsWith("- ") && !layers.isEmpty()) {
                layers.get(layers.size() - 1)
                        .getValue()
                        .add(unquote(line.substring(2).strip()));
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
        try (BufferedReader reader =
                new BufferedReader(new InputStreamReader(zip.getInputStream(found), StandardCharsets.UTF_8))) {
            for (String line; (line = reader.readLine()) != null; ) {
                if (!line.isBlank()) {
                    lines.add(line.strip());
                }
            }
        }
        return lines;
    }

    private static String unquote(String value) {
        return value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")
                ? value.substring(1, value.length() - 1)
                : value;
    }

    /** The manifest of the classes jar: the repackaged one's, with Start-Class as Main-Class, no Spring-Boot-*. */
    private static Manifest classesManifest(Manifest original) {
        Manifest manifest = new Manifest();
        Attributes attributes = manifest.getMainAttributes();
        attributes.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        original.getMainAttributes().forEach((key, value) -> {
            String name = key.toString();
            if (!name.startsWith("Spring-Boot-")
                    && !name.equals("Main-Class")
                    && !name.equals("Start-Class")
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
}
