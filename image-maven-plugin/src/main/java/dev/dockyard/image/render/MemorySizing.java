package dev.dockyard.image.render;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The JVM's memory regions besides the heap, sized from what the build knows, after the memory calculator of the
 * Cloud Foundry and Paketo Java buildpacks: metaspace = loaded classes x 5,800 bytes + 14,000,000 bytes, where the
 * loaded classes are 35 % of the classes the runtime and the jars hold; a 240 MB reserved code cache; 10 MB of
 * direct memory; a 1 MB stack per thread. The heap stays a share of the container's limit
 * ({@code -XX:MaxRAMPercentage}), so that the one image fits any limit it is given.
 */
final class MemorySizing {

    /** Classes of a JDK 17 to 25 runtime image, as the memory calculator counts them for a full JRE. */
    static final int RUNTIME_CLASSES = 27_000;
    /** The share of all classes a service loads, the memory calculator's default. */
    static final double LOADED_SHARE = 0.35;
    /** Metaspace per loaded class, and its fixed part, in bytes (the memory calculator's constants). */
    static final long BYTES_PER_CLASS = 5_800;

    static final long METASPACE_BASE = 14_000_000;
    private static final long MIB = 1024 * 1024;

    private MemorySizing() {}

    /** The JVM options for the service's jars: metaspace, code cache, direct memory, thread stack. */
    static List<String> options(Collection<Path> jars) throws IOException {
        return options(classes(jars));
    }

    static List<String> options(long applicationClasses) {
        long loaded = Math.round((RUNTIME_CLASSES + applicationClasses) * LOADED_SHARE);
        long metaspace = loaded * BYTES_PER_CLASS + METASPACE_BASE;
        return List.of(
                "-XX:MaxMetaspaceSize=" + ((metaspace + MIB - 1) / MIB) + "M",
                "-XX:ReservedCodeCacheSize=240M",
                "-XX:MaxDirectMemorySize=10M",
                "-Xss1M");
    }

    /** The class files in the jars (multi-release versions and module descriptors not counted). */
    static long classes(Collection<Path> jars) throws IOException {
        long count = 0;
        for (Path jar : jars) {
            try (ZipFile zip = new ZipFile(jar.toFile())) {
                count += zip.stream()
                        .map(ZipEntry::getName)
                        .filter(MemorySizing::isClass)
                        .count();
            }
        }
        return count;
    }

    private static boolean isClass(String name) {
        return name.endsWith(".class") && !name.startsWith("META-INF/") && !name.endsWith("module-info.class");
    }
}
