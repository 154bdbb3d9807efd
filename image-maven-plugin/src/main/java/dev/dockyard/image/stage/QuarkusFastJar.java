package dev.dockyard.image.stage;

import dev.dockyard.image.stage.StagingPlan.DiskFile;
import dev.dockyard.image.stage.StagingPlan.PlannedFile;
import dev.dockyard.image.stage.StagingPlan.PlannedLayer;
import dev.dockyard.image.stage.StagingPlan.Role;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

/**
 * Quarkus' fast-jar ({@code target/quarkus-app/}), started by {@code quarkus-run.jar}: the jars of {@code lib/boot}
 * and {@code lib/main} in the dependency layers, {@code quarkus-run.jar}, {@code app/} and {@code quarkus/} as the
 * application layer; the module's Maven dependencies are not staged again. Every file of the directory is watched.
 */
final class QuarkusFastJar {

    static final String DIRECTORY = "quarkus-app";
    static final String RUNNER = "quarkus-run.jar";

    private QuarkusFastJar() {}

    /** @return the fast-jar directory that belongs to {@code jar}, if there is one */
    static Optional<Path> directory(Path jar) {
        Path parent = jar.toAbsolutePath().getParent();
        if (jar.getFileName().toString().equals(RUNNER) && Files.isDirectory(parent.resolve("quarkus"))) {
            return Optional.of(parent);
        }
        Path sibling = parent.resolve(DIRECTORY);
        return Files.isRegularFile(sibling.resolve(RUNNER)) ? Optional.of(sibling) : Optional.empty();
    }

    /** Every file of the fast-jar directory that belongs to {@code jar}, sorted; none when there is none. */
    static List<Path> watched(Path jar) throws IOException {
        Optional<Path> directory = directory(jar);
        return directory.isPresent() ? files(directory.get()) : List.of();
    }

    static StagingPlan plan(Path app, List<ArtifactInput> artifacts) throws StageException, IOException {
        Path run = app.resolve(RUNNER);
        if (!Files.isRegularFile(run) || !Files.isDirectory(app.resolve("lib"))) {
            throw new StageException(app + " is not a complete Quarkus fast-jar (no " + RUNNER + " or lib/):"
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
        application.add(new PlannedFile(RUNNER, new DiskFile(run), Role.OTHER));
        for (String part : List.of("app", "quarkus")) {
            for (Path file : files(app.resolve(part))) {
                application.add(new PlannedFile(
                        app.relativize(file).toString().replace('\\', '/'),
                        new DiskFile(file),
                        file.toString().endsWith(".jar") ? Role.OWN : Role.OTHER));
            }
        }
        List<PlannedLayer> layers = new ArrayList<>();
        String lib = "lib";
        for (PlannedLayer layer : List.of(
                new PlannedLayer(Layer.DEPENDENCIES.id(), lib, dependencies),
                new PlannedLayer(Layer.SNAPSHOT_DEPENDENCIES.id(), lib, snapshots),
                new PlannedLayer(Layer.MODULES.id(), lib, modules),
                new PlannedLayer(Layer.APPLICATION.id(), "", application))) {
            if (!layer.files().isEmpty()) {
                layers.add(layer);
            }
        }
        String mainClass;
        try (JarFile runner = new JarFile(run.toFile())) {
            Manifest manifest = runner.getManifest();
            mainClass = manifest == null ? null : manifest.getMainAttributes().getValue("Main-Class");
        }
        String summary =
                JarLayout.QUARKUS.description() + ": " + (dependencies.size() + snapshots.size() + modules.size())
                        + " jars of lib/boot and lib/main as dependency layers, " + RUNNER
                        + ", app/ and quarkus/ as the application layer; its Maven dependencies are not staged again";
        return new StagingPlan(JarLayout.QUARKUS, summary, List.of(), layers, List.of(RUNNER), mainClass);
    }

    private static List<Path> files(Path directory) throws IOException {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (var walk = Files.walk(directory)) {
            return walk.filter(Files::isRegularFile).sorted().toList();
        }
    }
}
