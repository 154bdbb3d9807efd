package dev.dockyard.image.stage;

import static dev.dockyard.image.support.CoreException.mention;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

/**
 * Recognises what a module's jar is, from its manifest and layout, and plans its staging so that no jar is staged
 * twice: a Quarkus fast-jar ({@link QuarkusFastJar}), a Spring Boot repackaged jar ({@link SpringBootJar}), a shaded
 * jar ({@link ShadedJar}), anything else as the jar plus its resolved dependencies ({@link PlainJar}).
 * {@code image.layout} can say {@code plain} or {@code shaded} instead of letting the jar be recognised.
 */
public final class JarLayouts {

    /** Values of {@code image.layout}. */
    public static final String AUTO = "auto";

    static final String PLAIN = "plain";
    static final String SHADED = "shaded";
    static final List<String> SETTINGS = List.of(AUTO, PLAIN, SHADED);

    private JarLayouts() {}

    /**
     * @param layout the {@code image.layout} setting ({@code auto}, {@code plain}, {@code shaded}); {@code null} for
     *        {@code auto}
     * @param jar the module's jar
     * @param artifacts its resolved runtime dependencies
     * @return how to stage them
     * @throws StageException for an unknown layout setting or a jar that cannot be staged as it is
     */
    public static StagingPlan plan(String layout, Path jar, List<ArtifactInput> artifacts)
            throws StageException, IOException {
        String setting = layout == null ? AUTO : layout.strip().toLowerCase(Locale.ROOT);
        if (!SETTINGS.contains(setting)) {
            throw new StageException(
                    "layout",
                    "'" + layout + "' is not one of " + String.join(", ", SETTINGS)
                            + ". Leave it unset (auto) to recognise Spring Boot, shaded and Quarkus jars.");
        }
        if (setting.equals(AUTO)) {
            Optional<Path> quarkus = QuarkusFastJar.directory(jar);
            if (quarkus.isPresent()) {
                return QuarkusFastJar.plan(quarkus.get(), artifacts);
            }
        }
        Manifest manifest = manifest(jar);
        Attributes main = manifest == null ? new Attributes() : manifest.getMainAttributes();
        if (setting.equals(AUTO) && SpringBootJar.recognises(main)) {
            return SpringBootJar.plan(jar, manifest, artifacts);
        }
        if (setting.equals(PLAIN)) {
            return PlainJar.plan(
                    jar,
                    artifacts,
                    JarLayout.PLAIN.description() + " (" + mention("layout") + "=plain)" + PlainJar.unusedAssembly(jar),
                    List.of());
        }
        ShadedJar.Inside inside = ShadedJar.inside(jar, artifacts);
        if (inside.dependencies().isEmpty()) {
            return setting.equals(SHADED)
                    ? ShadedJar.holdingNothing(jar, artifacts)
                    : PlainJar.plan(
                            jar, artifacts, JarLayout.PLAIN.description() + PlainJar.unusedAssembly(jar), List.of());
        }
        if (setting.equals(SHADED) || inside.packedByMaven()) {
            return ShadedJar.plan(jar, artifacts, inside);
        }
        return PlainJar.plan(
                jar,
                artifacts,
                JarLayout.PLAIN.description() + " (the jar holds dependencies: see" + " the warning)",
                List.of(ShadedJar.unrecognised(jar, inside)));
    }

    /**
     * The files, besides the module's jar and its dependencies, that the layouts read to plan {@code jar}'s staging
     * (an attached jar-with-dependencies, a Quarkus fast-jar directory), sorted: the up-to-date check watches them.
     */
    public static List<Path> watched(Path jar) throws IOException {
        List<Path> files = new ArrayList<>(PlainJar.watched(jar));
        files.addAll(QuarkusFastJar.watched(jar));
        return files;
    }

    private static Manifest manifest(Path jar) throws IOException {
        try (JarFile file = new JarFile(jar.toFile())) {
            return file.getManifest();
        }
    }
}
