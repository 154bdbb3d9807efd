package dev.dockyard.image.stage;

import static dev.dockyard.image.support.CoreException.mention;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * A jar that holds its dependencies (maven-shade-plugin, or the assembly's jar-with-dependencies when it replaces the
 * module's jar): staged alone, without the dependencies it holds; those it does not hold are staged beside it.
 */
final class ShadedJar {

    /** How many class files of a dependency are looked for in the module's jar. */
    private static final int SAMPLE_CLASSES = 3;

    private ShadedJar() {}

    /**
     * @param dependencies the dependencies whose classes (or Maven metadata) are inside the module's jar
     * @param packedByMaven whether the jar carries their {@code META-INF/maven/} metadata, as maven-shade-plugin
     *        and the assembly's jar-with-dependencies leave it
     */
    record Inside(List<ArtifactInput> dependencies, boolean packedByMaven) {}

    /** Which of {@code artifacts} are inside {@code jar}: a few of their classes, or their Maven metadata, are. */
    static Inside inside(Path jar, List<ArtifactInput> artifacts) throws IOException {
        if (artifacts.isEmpty()) {
            return new Inside(List.of(), false);
        }
        Set<String> entries = new HashSet<>();
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            for (Enumeration<? extends ZipEntry> e = zip.entries(); e.hasMoreElements(); ) {
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
                for (Enumeration<? extends ZipEntry> e = dependency.entries(); e.hasMoreElements(); ) {
                    String name = e.nextElement().getName();
                    if (name.startsWith("META-INF/maven/") && name.endsWith("/pom.properties")) {
                        pom |= entries.contains(name);
                    } else if (sampled < SAMPLE_CLASSES
                            && name.endsWith(".class")
                            && !name.startsWith("META-INF/")
                            && !name.endsWith("module-info.class")
                            && !name.endsWith("package-info.class")) {
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

    /** The jar alone, and beside it only the dependencies it does not hold. */
    static StagingPlan plan(Path jar, List<ArtifactInput> artifacts, Inside inside) {
        List<ArtifactInput> rest = artifacts.stream()
                .filter(a -> !inside.dependencies().contains(a))
                .toList();
        String summary = JarLayout.SHADED.description() + ": "
                + inside.dependencies().size() + " of "
                + artifacts.size() + " dependencies are inside " + jar.getFileName() + " and are not staged again"
                + (rest.isEmpty() ? "" : "; " + rest.size() + " staged beside it");
        return PlainJar.plan(JarLayout.SHADED, jar, rest, summary, List.of())
                .holding(inside.dependencies().stream().map(ArtifactInput::file).toList());
    }

    /** {@code image.layout=shaded} on a jar that holds none of its dependencies: all are staged as usual. */
    static StagingPlan holdingNothing(Path jar, List<ArtifactInput> artifacts) {
        return PlainJar.plan(
                jar,
                artifacts,
                JarLayout.SHADED.description() + " (" + mention("layout") + "=shaded): it holds"
                        + " none of its dependencies' classes, which are staged as usual",
                List.of());
    }

    /**
     * The warning for a jar that holds dependencies without the metadata a shading plugin leaves: they are staged a
     * second time unless the user says which layout it is.
     */
    static String unrecognised(Path jar, Inside inside) {
        List<String> names = inside.dependencies().stream()
                .map(a -> a.file().getFileName().toString())
                .toList();
        return jar.getFileName() + " holds the classes of " + names.size() + " of its dependencies ("
                + String.join(", ", names.subList(0, Math.min(3, names.size())))
                + (names.size() > 3 ? ", ..." : "") + ") but is no jar Dockyard recognises (Spring Boot, shaded,"
                + " Quarkus): they are staged a second time. Set " + mention("layout")
                + "=shaded to stage the jar without them,"
                + " or " + mention("layout") + "=plain to keep both and silence this warning.";
    }
}
