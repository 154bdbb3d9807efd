package dev.dockyard.image.stage;

import dev.dockyard.image.stage.StagingPlan.DiskFile;
import dev.dockyard.image.stage.StagingPlan.PlannedFile;
import dev.dockyard.image.stage.StagingPlan.PlannedLayer;
import dev.dockyard.image.stage.StagingPlan.Role;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A thin jar: the jar in the application layer and each resolved dependency in the layer of its kind, all on a plain
 * class path. A jar-with-dependencies that maven-assembly-plugin attaches beside it is not used (the thin jar and its
 * dependencies layer better), but the layout line names it, so it is watched.
 */
final class PlainJar {

    /** What maven-assembly-plugin appends to the name of the jar it attaches ({@code jar-with-dependencies}). */
    static final String ASSEMBLY_SUFFIX = "-jar-with-dependencies.jar";

    private PlainJar() {}

    static StagingPlan plan(Path jar, List<ArtifactInput> artifacts, String summary, List<String> warnings) {
        return plan(JarLayout.PLAIN, jar, artifacts, summary, warnings);
    }

    /** The jar and {@code artifacts} on a plain class path, reported as {@code layout}. */
    static StagingPlan plan(
            JarLayout layout, Path jar, List<ArtifactInput> artifacts, String summary, List<String> warnings) {
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
            files.add(new PlannedFile(
                    name, new DiskFile(artifact.file()), artifact.layer() == Layer.MODULES ? Role.OWN : Role.LIBRARY));
            classpath.add(artifact.layer().imageDirectory() + "/" + name);
        }
        List<PlannedLayer> layers = new ArrayList<>();
        byLayer.forEach((layer, files) -> {
            if (!files.isEmpty()) {
                layers.add(new PlannedLayer(layer.id(), layer.imageDirectory(), files));
            }
        });
        return new StagingPlan(layout, summary, warnings, layers, classpath, null);
    }

    /** The part of the layout line that says why an attached jar-with-dependencies is not staged. */
    static String unusedAssembly(Path jar) {
        return attachedAssembly(jar)
                .map(attached -> "; " + attached.getFileName() + " (attached by"
                        + " maven-assembly-plugin) is not used: the thin jar and its dependencies are staged in their own"
                        + " layers, so a code change rebuilds only the application layer")
                .orElse("");
    }

    /** The files besides the jar and its dependencies that this layout reads: an attached jar-with-dependencies. */
    static List<Path> watched(Path jar) {
        return attachedAssembly(jar).map(List::of).orElse(List.of());
    }

    /**
     * @return the {@code -jar-with-dependencies.jar} that maven-assembly-plugin attaches beside {@code jar} (its
     *         default, {@code appendAssemblyId=true}), if there is one
     */
    private static Optional<Path> attachedAssembly(Path jar) {
        String name = jar.getFileName().toString();
        if (!name.endsWith(".jar")) {
            return Optional.empty();
        }
        Path attached = jar.resolveSibling(name.substring(0, name.length() - ".jar".length()) + ASSEMBLY_SUFFIX);
        return Files.isRegularFile(attached) ? Optional.of(attached) : Optional.empty();
    }
}
