package dev.dockyard.image.modules;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What to scan, and for which Java.
 *
 * @param jars the jars (or class directories) of the application: its own jar and every runtime dependency
 * @param release the Java feature release the runtime is linked from (the builder image's JDK); multi-release jars are
 *     read for it, and rules that depend on the release (e.g. {@code jdk.crypto.ec} before 22) use it
 * @param locales language tags the runtime must format and parse ({@code image.locales}); empty for the locales of
 *     {@code java.base} only
 * @param jvmOptions the options the JVM starts with ({@code -javaagent:}, {@code -Dcom.sun.management.jmxremote} add
 *     modules)
 * @param workDirectory where the per-jar results are kept between builds; {@code null} to keep them in memory only
 * @param built the jars of {@code jars} this build made (the module's, the reactor's): their time may be fixed and
 *     a change can keep their size, so they are told apart by their {@link dev.dockyard.image.support.JarSignature}
 * @param additionalModules modules the user adds ({@code image.additionalModules}): linked, with what they require
 * @param held dependencies whose classes a jar of {@code jars} holds (a shaded jar's), not scanned themselves: what
 *     their module descriptors require applies to their classes there, as it would if they were staged as they are
 * @param entryPoints the classes the JVM starts (dotted: the main class): when given, only what code can load from
 *     them and from the {@code built} jars counts ({@link Reachability}); empty to count every class of every jar
 */
public record ScanRequest(
        List<Path> jars,
        int release,
        List<String> locales,
        List<String> jvmOptions,
        Path workDirectory,
        Set<Path> built,
        List<String> additionalModules,
        List<Path> held,
        List<String> entryPoints) {

    /** A request in which no jar was made by this build (every jar told apart by its path, size and time). */
    public ScanRequest(
            List<Path> jars, int release, List<String> locales, List<String> jvmOptions, Path workDirectory) {
        this(jars, release, locales, jvmOptions, workDirectory, Set.of(), List.of(), List.of(), List.of());
    }

    public ScanRequest {
        built = Set.copyOf(built);
        additionalModules = List.copyOf(additionalModules);
        held = List.copyOf(held);
        entryPoints = List.copyOf(entryPoints);
        jars = List.copyOf(jars);
        locales = List.copyOf(locales);
        jvmOptions = List.copyOf(jvmOptions);
        if (release < 9) {
            throw new IllegalArgumentException("release " + release + ": jlink needs Java 9 or later");
        }
        Objects.requireNonNull(jars, "jars");
    }
}
