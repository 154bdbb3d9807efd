package dev.dockyard.image.stage;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.jar.Manifest;

/**
 * How a module is staged: named layers, each with its files (where each comes from and where it goes), the class
 * path and the main class the layout implies. One model for every layout and every template.
 *
 * @param layout the recognised layout
 * @param summary one line saying how the module was staged
 * @param warnings problems the user should act on (each one line)
 * @param layers the layers in image order, least often changed first
 * @param classpath image paths relative to the work directory, in class path order
 * @param mainClass the main class the layout names, or {@code null} to use the jar's {@code Main-Class}
 * @param held the dependencies whose classes the application jar holds (a shaded jar's), not staged: their module
 *     descriptors still say what their classes need at run time
 */
public record StagingPlan(
        JarLayout layout,
        String summary,
        List<String> warnings,
        List<PlannedLayer> layers,
        List<String> classpath,
        String mainClass,
        List<Path> held) {

    public StagingPlan {
        warnings = List.copyOf(warnings);
        layers = List.copyOf(layers);
        classpath = List.copyOf(classpath);
        held = List.copyOf(held);
    }

    /** A plan whose application jar holds no dependency. */
    public StagingPlan(
            JarLayout layout,
            String summary,
            List<String> warnings,
            List<PlannedLayer> layers,
            List<String> classpath,
            String mainClass) {
        this(layout, summary, warnings, layers, classpath, mainClass, List.of());
    }

    /** @return this plan, its application jar holding the classes of {@code dependencies} */
    StagingPlan holding(List<Path> dependencies) {
        return new StagingPlan(layout, summary, warnings, layers, classpath, mainClass, dependencies);
    }

    /**
     * A layer: context directory {@code layers/<name>}, copied to {@code <workdir>/<imageDirectory>}.
     *
     * @param name the layer's name in the data model
     * @param imageDirectory the directory below the work directory the layer is copied to; empty for the work
     *        directory itself
     * @param files the files, in class path order where that matters
     */
    public record PlannedLayer(String name, String imageDirectory, List<PlannedFile> files) {
        public PlannedLayer {
            files = List.copyOf(files);
        }
    }

    /** What a staged jar means to the runtime-module computation. */
    public enum Role {
        /** the module's own code or a reactor module's: changes often */
        OWN,
        /** a third-party library */
        LIBRARY,
        /** not code the module scan reads (launcher jars, data files) */
        OTHER
    }

    /**
     * @param path the file's path inside its layer, {@code /}-separated
     * @param source where its bytes come from
     * @param role what it is to the module scan
     */
    public record PlannedFile(String path, Source source, Role role) {
        public PlannedFile {
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(source, "source");
        }
    }

    /** Where a staged file's bytes come from. */
    public sealed interface Source {
        /** @return the file on disk the bytes are read from */
        Path origin();

        /** @return what, besides the origin's path, size and time, tells this source apart */
        String part();
    }

    /** A file on disk, copied. */
    public record DiskFile(Path file) implements Source {
        @Override
        public Path origin() {
            return file;
        }

        @Override
        public String part() {
            return "";
        }
    }

    /** An entry of a jar (a nested jar of a Spring Boot jar), extracted. */
    public record JarEntryFile(Path jar, String entry) implements Source {
        @Override
        public Path origin() {
            return jar;
        }

        @Override
        public String part() {
            return "!" + entry;
        }
    }

    /**
     * A jar written from the entries of {@code jar} below {@code prefix} (the classes of a Spring Boot jar), with
     * that prefix removed and the given manifest.
     */
    public record RepackedJar(Path jar, String prefix, Manifest manifest) implements Source {
        @Override
        public Path origin() {
            return jar;
        }

        @Override
        public String part() {
            return "!" + prefix + "*";
        }
    }
}
