package dev.dockyard.image.render;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/**
 * Stages the build context: one directory per {@link Layer} under {@code layers/}, plus the health probe under
 * {@code probe/}. Files carry a fixed timestamp so that the context is byte-identical across builds; a file whose
 * source did not change since the last staging is not copied again, and files no longer wanted are removed.
 */
final class ContextStager {

    static final String LAYERS_DIRECTORY = "layers";
    static final String PROBE_DIRECTORY = "probe";
    /** The health probe class, relative to {@link #PROBE_DIRECTORY} and to the classpath. */
    static final String PROBE_CLASS_FILE = "dev/dockyard/image/probe/HealthProbe.class";
    static final String PROBE_MAIN_CLASS = "dev.dockyard.image.probe.HealthProbe";

    private static final String STATE_FILE = "staging.properties";

    private final Path context;
    private final Path workDirectory;
    private final FileTime timestamp;

    ContextStager(Path context, Path workDirectory, FileTime timestamp) {
        this.context = context;
        this.workDirectory = workDirectory;
        this.timestamp = timestamp;
    }

    /**
     * Stages the application jar and the dependencies.
     *
     * @return the non-empty layers in image order, and the classpath
     */
    Staging stage(Path applicationJar, List<ArtifactInput> artifacts) throws IOException {
        Map<Layer, Map<String, Path>> byLayer = new EnumMap<>(Layer.class);
        List<String> classpath = new ArrayList<>();
        String applicationName = applicationJar.getFileName().toString();
        byLayer.computeIfAbsent(Layer.APPLICATION, l -> new LinkedHashMap<>()).put(applicationName, applicationJar);
        classpath.add(Layer.APPLICATION.contextDirectory() + "/" + applicationName);
        for (ArtifactInput artifact : artifacts) {
            Map<String, Path> files = byLayer.computeIfAbsent(artifact.layer(), l -> new LinkedHashMap<>());
            String name = artifact.file().getFileName().toString();
            if (files.containsKey(name)) {
                name = artifact.groupId() + "-" + name;
            }
            files.put(name, artifact.file());
            classpath.add(artifact.layer().contextDirectory() + "/" + name);
        }

        Properties previous = readState();
        Properties state = new Properties();
        Set<Path> wanted = new HashSet<>();
        List<StagedLayer> staged = new ArrayList<>();
        for (Map.Entry<Layer, Map<String, Path>> entry : byLayer.entrySet()) {
            Path directory = context.resolve(entry.getKey().contextDirectory());
            Files.createDirectories(directory);
            long bytes = 0;
            for (Map.Entry<String, Path> file : entry.getValue().entrySet()) {
                Path target = directory.resolve(file.getKey());
                bytes += copyIfChanged(file.getValue(), target, previous, state);
                wanted.add(target);
            }
            staged.add(new StagedLayer(entry.getKey(), List.copyOf(entry.getValue().keySet()), bytes));
        }
        wanted.add(stageProbe());
        removeUnwanted(context.resolve(LAYERS_DIRECTORY), wanted);
        removeUnwanted(context.resolve(PROBE_DIRECTORY), wanted);
        fixDirectoryTimes(context.resolve(LAYERS_DIRECTORY));
        fixDirectoryTimes(context.resolve(PROBE_DIRECTORY));
        writeState(state);
        return new Staging(staged, classpath);
    }

    /**
     * @param layers the non-empty layers, in image order
     * @param classpath context-relative jar paths in classpath order, the application first
     */
    record Staging(List<StagedLayer> layers, List<String> classpath) {
    }

    private long copyIfChanged(Path source, Path target, Properties previous, Properties state) throws IOException {
        BasicFileAttributes attributes = Files.readAttributes(source, BasicFileAttributes.class);
        if (!attributes.isRegularFile()) {
            throw new IOException("Not a file: " + source + " (a reactor module must be packaged before it is staged)");
        }
        String key = context.relativize(target).toString().replace('\\', '/');
        String fingerprint = source.toAbsolutePath() + "|" + attributes.size() + "|"
                + attributes.lastModifiedTime().toMillis();
        boolean upToDate = fingerprint.equals(previous.getProperty(key))
                && Files.isRegularFile(target)
                && Files.size(target) == attributes.size()
                && timestamp.equals(Files.getLastModifiedTime(target));
        if (!upToDate) {
            Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
            Files.setLastModifiedTime(target, timestamp);
        }
        state.setProperty(key, fingerprint);
        return attributes.size();
    }

    private Path stageProbe() throws IOException {
        Path target = context.resolve(PROBE_DIRECTORY).resolve(PROBE_CLASS_FILE);
        Files.createDirectories(target.getParent());
        try (InputStream in = ContextStager.class.getClassLoader().getResourceAsStream(PROBE_CLASS_FILE)) {
            if (in == null) {
                throw new IOException("The plugin jar lacks " + PROBE_CLASS_FILE);
            }
            byte[] bytes = in.readAllBytes();
            if (!Files.isRegularFile(target) || !java.util.Arrays.equals(bytes, Files.readAllBytes(target))) {
                Files.write(target, bytes);
            }
        }
        Files.setLastModifiedTime(target, timestamp);
        return target;
    }

    private static void removeUnwanted(Path root, Set<Path> wanted) throws IOException {
        if (!Files.isDirectory(root)) {
            return;
        }
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                if (!wanted.contains(file)) {
                    Files.delete(file);
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
                if (!dir.equals(root)) {
                    try (var entries = Files.list(dir)) {
                        if (entries.findAny().isEmpty()) {
                            Files.delete(dir);
                        }
                    }
                }
                return FileVisitResult.CONTINUE;
            }
        });
    }

    private void fixDirectoryTimes(Path root) throws IOException {
        if (!Files.isDirectory(root)) {
            return;
        }
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
                Files.setLastModifiedTime(dir, timestamp);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    private Properties readState() throws IOException {
        Properties properties = new Properties();
        Path file = workDirectory.resolve(STATE_FILE);
        if (Files.isRegularFile(file)) {
            try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                properties.load(reader);
            }
        }
        return properties;
    }

    private void writeState(Properties state) throws IOException {
        Files.createDirectories(workDirectory);
        try (Writer writer = Files.newBufferedWriter(workDirectory.resolve(STATE_FILE), StandardCharsets.UTF_8)) {
            state.store(writer, "Dockyard staging cache: source fingerprint per staged file");
        }
    }
}
