package dev.dockyard.image.sbom;

import dev.dockyard.image.support.Sha256;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;

/**
 * What a jar says about itself and the libraries inside it: the Maven coordinates of the {@code pom.properties}
 * entries below {@code META-INF/maven/} (a shaded jar keeps one per artifact it holds), and the jars nested below
 * {@code BOOT-INF/lib/} or {@code WEB-INF/lib/} (a Spring Boot jar staged whole).
 */
public final class JarContents {

    private JarContents() {}

    /** Coordinates read from a {@code pom.properties}. */
    public record Coordinates(String groupId, String artifactId, String version) {}

    /** @return the coordinates of every {@code META-INF/maven/<g>/<a>/pom.properties} of the jar, sorted by path */
    public static List<Coordinates> mavenEntries(Path jar) throws IOException {
        TreeMap<String, Coordinates> found = new TreeMap<>();
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            for (ZipEntry entry : java.util.Collections.list(zip.entries())) {
                if (isPomProperties(entry.getName())) {
                    try (InputStream in = zip.getInputStream(entry)) {
                        Coordinates c = read(in);
                        if (c != null) {
                            found.put(entry.getName(), c);
                        }
                    }
                }
            }
        }
        return List.copyOf(found.values());
    }

    /**
     * The libraries inside a jar: its nested jars (each named by its own {@code pom.properties}, with its SHA-256),
     * and the artifacts a shaded jar holds ({@code pom.properties} entries other than {@code self}).
     *
     * @param jar the jar
     * @param self the jar's own coordinates, left out
     */
    public static List<SbomLibrary> inside(Path jar, Coordinates self) throws IOException {
        List<SbomLibrary> libraries = new ArrayList<>();
        TreeMap<String, SbomLibrary> nested = new TreeMap<>();
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            for (ZipEntry entry : java.util.Collections.list(zip.entries())) {
                String name = entry.getName();
                if ((name.startsWith("BOOT-INF/lib/") || name.startsWith("WEB-INF/lib/")) && name.endsWith(".jar")) {
                    byte[] bytes;
                    try (InputStream in = zip.getInputStream(entry)) {
                        bytes = in.readAllBytes();
                    }
                    Coordinates c = nestedCoordinates(bytes);
                    if (c != null) {
                        nested.put(
                                name,
                                new SbomLibrary(
                                        c.groupId(),
                                        c.artifactId(),
                                        c.version(),
                                        "",
                                        Sha256.hex(bytes),
                                        List.of(),
                                        false,
                                        List.of()));
                    }
                }
            }
        }
        libraries.addAll(nested.values());
        for (Coordinates c : mavenEntries(jar)) {
            if (!c.equals(self)) {
                libraries.add(
                        new SbomLibrary(c.groupId(), c.artifactId(), c.version(), "", "", List.of(), false, List.of()));
            }
        }
        return libraries;
    }

    private static Coordinates nestedCoordinates(byte[] jar) throws IOException {
        List<Coordinates> found = new ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(new java.io.ByteArrayInputStream(jar))) {
            for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                if (isPomProperties(entry.getName())) {
                    Coordinates c = read(in);
                    if (c != null) {
                        found.add(c);
                    }
                }
            }
        }
        return found.size() == 1 ? found.get(0) : null;
    }

    private static boolean isPomProperties(String name) {
        return name.startsWith("META-INF/maven/")
                && name.endsWith("/pom.properties")
                && name.chars().filter(ch -> ch == '/').count() == 4;
    }

    private static Coordinates read(InputStream in) throws IOException {
        Properties properties = new Properties();
        properties.load(new java.io.InputStreamReader(
                new java.io.FilterInputStream(in) {
                    @Override
                    public void close() {}
                },
                java.nio.charset.StandardCharsets.ISO_8859_1));
        String g = properties.getProperty("groupId");
        String a = properties.getProperty("artifactId");
        String v = properties.getProperty("version");
        return g == null || a == null || v == null ? null : new Coordinates(g.strip(), a.strip(), v.strip());
    }
}
