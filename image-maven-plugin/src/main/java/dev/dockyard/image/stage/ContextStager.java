package dev.dockyard.image.stage;

import dev.dockyard.image.support.JarSignature;
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
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Stages the build context as a {@link StagingPlan} says: one directory per layer under {@code layers/}, plus the health probe under
 * {@code probe/}. Files carry a fixed timestamp so that the context is byte-identical across builds; a file whose
 * source did not change since the last staging is not copied again, and files no longer wanted are removed.
 */
public final class ContextStager {

    public static final String LAYERS_DIRECTORY = "layers";
    public static final String PROBE_DIRECTORY = "probe";
    /** The health probe class, relative to {@link #PROBE_DIRECTORY} and to the classpath. */
    public static final String PROBE_CLASS_FILE = "dev/dockyard/image/probe/HealthProbe.class";

    public static final String PROBE_MAIN_CLASS = "dev.dockyard.image.probe.HealthProbe";

    private static final String STATE_FILE = "staging.properties";

    private final Path context;
    private final Path workDirectory;
    private final FileTime timestamp;

    public ContextStager(Path context, Path workDirectory, FileTime timestamp) {
        this.context = context;
        this.workDirectory = workDirectory;
        this.timestamp = timestamp;
    }

    /**
     * Stages the layers of {@code plan}.
     *
     * @return the non-empty layers in image order, the class path, and the staged jars for the module scan
     */
    public Staging stage(StagingPlan plan) throws IOException {
        Properties previous = readState();
        Properties state = new Properties();
        Set<Path> wanted = new HashSet<>();
        List<StagedLayer> staged = new ArrayList<>();
        List<Path> own = new ArrayList<>();
        List<Path> libraries = new ArrayList<>();
        Map<Path, ZipFile> jars = new HashMap<>();
        Map<Path, String> signatures = new HashMap<>();
        try {
            for (StagingPlan.PlannedLayer layer : plan.layers()) {
                String contextDirectory = LAYERS_DIRECTORY + "/" + layer.name();
                Path directory = context.resolve(contextDirectory);
                Files.createDirectories(directory);
                long bytes = 0;
                List<String> names = new ArrayList<>();
                for (StagingPlan.PlannedFile file : layer.files()) {
                    Path target = directory.resolve(file.path());
                    if (!wanted.add(target)) {
                        throw new IOException("Two files would be staged as " + target);
                    }
                    bytes += stageFile(file, target, previous, state, jars, signatures);
                    names.add(file.path());
                    // the module scan reads a copied jar at its source, whose time tells a change apart
                    Path scanned = file.source() instanceof StagingPlan.DiskFile disk ? disk.file() : target;
                    if (file.path().endsWith(".jar")) {
                        switch (file.role()) {
                            case OWN -> own.add(scanned);
                            case LIBRARY -> libraries.add(scanned);
                            default -> {}
                        }
                    }
                }
                staged.add(new StagedLayer(layer.name(), contextDirectory, layer.imageDirectory(), names, bytes));
            }
        } finally {
            for (ZipFile zip : jars.values()) {
                zip.close();
            }
        }
        wanted.add(stageProbe());
        removeUnwanted(context.resolve(LAYERS_DIRECTORY), wanted);
        removeUnwanted(context.resolve(PROBE_DIRECTORY), wanted);
        fixDirectoryTimes(context.resolve(LAYERS_DIRECTORY));
        fixDirectoryTimes(context.resolve(PROBE_DIRECTORY));
        writeState(state);
        return new Staging(staged, plan.classpath(), own, libraries, plan.held());
    }

    /**
     * @param layers the non-empty layers, in image order
     * @param classpath image paths relative to the work directory, in class path order
     * @param own the jars of the module and its reactor modules (a copied jar at its source)
     * @param libraries the third-party jars (a copied jar at its source)
     * @param held the dependencies whose classes a staged jar holds ({@link StagingPlan#held()})
     */
    public record Staging(
            List<StagedLayer> layers, List<String> classpath, List<Path> own, List<Path> libraries, List<Path> held) {}

    /**
     * Stages one file unless its source did not change since the last staging; returns its size. A source is told
     * by its path, size and time, and, where those can stay the same across a change, by its content: a jar of the
     * module's own (and the classes repacked from it) by its {@link JarSignature}, an entry of a jar by its CRC-32.
     */
    private long stageFile(
            StagingPlan.PlannedFile file,
            Path target,
            Properties previous,
            Properties state,
            Map<Path, ZipFile> jars,
            Map<Path, String> signatures)
            throws IOException {
        StagingPlan.Source source = file.source();
        Path origin = source.origin();
        BasicFileAttributes attributes = Files.readAttributes(origin, BasicFileAttributes.class);
        if (!attributes.isRegularFile()) {
            throw new IOException("Not a file: " + origin + " (a reactor module must be packaged before it is staged)");
        }
        String key = context.relativize(target).toString().replace('\\', '/');
        String content;
        if (source instanceof StagingPlan.JarEntryFile entry) {
            ZipEntry found = open(jars, entry.jar()).getEntry(entry.entry());
            content = found == null ? "" : found.getSize() + ":" + found.getCrc();
        } else if (file.role() == StagingPlan.Role.OWN || source instanceof StagingPlan.RepackedJar) {
            content = signatures.containsKey(origin) ? signatures.get(origin) : JarSignature.of(origin);
            signatures.put(origin, content);
        } else {
            content = "";
        }
        String fingerprint = origin.toAbsolutePath() + "|" + attributes.size() + "|"
                + attributes.lastModifiedTime().toMillis() + source.part() + "|" + content + "|"
                + timestamp.toMillis();
        boolean upToDate = fingerprint.equals(previous.getProperty(key))
                && Files.isRegularFile(target)
                && timestamp.equals(Files.getLastModifiedTime(target))
                && (!(source instanceof StagingPlan.DiskFile) || Files.size(target) == attributes.size());
        if (!upToDate) {
            Files.createDirectories(target.getParent());
            if (source instanceof StagingPlan.JarEntryFile entry) {
                ZipEntry found = open(jars, entry.jar()).getEntry(entry.entry());
                if (found == null) {
                    throw new IOException(entry.jar() + " has no entry " + entry.entry());
                }
                try (InputStream in = open(jars, entry.jar()).getInputStream(found)) {
                    Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
                }
            } else if (source instanceof StagingPlan.RepackedJar repacked) {
                repack(open(jars, repacked.jar()), repacked, target);
            } else {
                Files.copy(origin, target, StandardCopyOption.REPLACE_EXISTING);
            }
            Files.setLastModifiedTime(target, timestamp);
        }
        state.setProperty(key, fingerprint);
        return Files.size(target);
    }

    private static ZipFile open(Map<Path, ZipFile> jars, Path jar) throws IOException {
        ZipFile zip = jars.get(jar);
        if (zip == null) {
            zip = new ZipFile(jar.toFile());
            jars.put(jar, zip);
        }
        return zip;
    }

    /** Writes the entries below the prefix into a new jar, in the source's order, each with the fixed time. */
    private void repack(ZipFile zip, StagingPlan.RepackedJar repacked, Path target) throws IOException {
        LocalDateTime time = LocalDateTime.ofInstant(timestamp.toInstant(), ZoneOffset.UTC);
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(target))) {
            JarEntry manifest = new JarEntry(JarFile.MANIFEST_NAME);
            manifest.setTimeLocal(time);
            out.putNextEntry(manifest);
            repacked.manifest().write(out);
            out.closeEntry();
            for (Enumeration<? extends ZipEntry> e = zip.entries(); e.hasMoreElements(); ) {
                ZipEntry entry = e.nextElement();
                String name = entry.getName();
                if (!name.startsWith(repacked.prefix())
                        || name.length() == repacked.prefix().length()
                        || name.equals(repacked.prefix() + JarFile.MANIFEST_NAME)) {
                    continue;
                }
                JarEntry copy = new JarEntry(name.substring(repacked.prefix().length()));
                copy.setTimeLocal(time);
                out.putNextEntry(copy);
                if (!entry.isDirectory()) {
                    try (InputStream in = zip.getInputStream(entry)) {
                        in.transferTo(out);
                    }
                }
                out.closeEntry();
            }
        }
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
