package dev.dockyard.image.modules;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * The classes of one jar and what each names, for {@link Reachability}: which classes code can load, starting from
 * the application's.
 *
 * @param classes the jar's classes in reading order (nested jars' after the jar's own)
 * @param services by service type (internal name), the providers its {@code META-INF/services} files list
 * @param named the classes (internal names) the jar's other files at its root or below {@code META-INF/} name, in
 *     their paths or contents: files frameworks look for in every jar ({@code spring.factories}, Micronaut's
 *     {@code META-INF/micronaut/} entries, Helidon's service registry)
 * @param packaged the classes the jar's other files in a package name (read by the jar's classes: configuration)
 * @param entryClasses classes the manifest names for the JVM to load (agents)
 * @param features rule triggers of the jar itself, not of a class (see {@link JarFacts#features()})
 */
record ClassGraph(
        List<Node> classes,
        Map<String, Set<String>> services,
        Set<String> named,
        Set<String> packaged,
        Set<String> entryClasses,
        Map<String, String> features) {

    ClassGraph {
        classes = List.copyOf(classes);
        services = Map.copyOf(services);
        named = Set.copyOf(named);
        packaged = Set.copyOf(packaged);
        entryClasses = Set.copyOf(entryClasses);
        features = Map.copyOf(features);
    }

    /**
     * One class.
     *
     * @param name its internal name ({@code a/b/C})
     * @param owner how explanations name it ({@code a.b.C}, {@code lib/x.jar!/a.b.C})
     * @param packages the JDK packages it names, each with the first JDK class it names there
     * @param features the rule triggers it holds
     * @param references the other classes it may name (internal names; JDK classes left out): in its constant pool,
     *     whether as classes, descriptors, signatures, annotations or strings
     * @param supertypes its superclass and interfaces (internal names): it cannot be loaded unless they can
     * @param mentions the JDK packages its strings name (classes it may load by name)
     */
    record Node(
            String name,
            String owner,
            Map<String, String> packages,
            Set<String> features,
            Set<String> references,
            List<String> supertypes,
            Set<String> mentions) {}

    /** Writes the graph to {@code file}, compressed; replaced atomically. */
    void write(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        Path temporary =
                Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp");
        try (BufferedWriter out = new BufferedWriter(new OutputStreamWriter(
                new GZIPOutputStream(Files.newOutputStream(temporary)), StandardCharsets.UTF_8))) {
            for (Map.Entry<String, Set<String>> service : new TreeMap<>(services).entrySet()) {
                out.write("S\t" + service.getKey() + "\t" + String.join(" ", new TreeSet<>(service.getValue())));
                out.newLine();
            }
            out.write("N\t" + String.join(" ", new TreeSet<>(named)));
            out.newLine();
            out.write("P\t" + String.join(" ", new TreeSet<>(packaged)));
            out.newLine();
            out.write("E\t" + String.join(" ", new TreeSet<>(entryClasses)));
            out.newLine();
            for (Map.Entry<String, String> feature : new TreeMap<>(features).entrySet()) {
                out.write("F\t" + clean(feature.getKey()) + "\t" + clean(feature.getValue()));
                out.newLine();
            }
            for (Node node : classes) {
                StringBuilder packages = new StringBuilder();
                node.packages()
                        .forEach((pkg, target) -> packages.append(packages.isEmpty() ? "" : " ")
                                .append(pkg)
                                .append('=')
                                .append(target));
                out.write("C\t" + node.name() + "\t" + clean(node.owner()) + "\t" + packages + "\t"
                        + String.join(
                                " ",
                                node.features().stream().map(ClassGraph::clean).toList()) + "\t"
                        + String.join(" ", node.references()) + "\t" + String.join(" ", node.supertypes()) + "\t"
                        + String.join(" ", node.mentions()));
                out.newLine();
            }
        }
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
    }

    /** @return the graph {@link #write} wrote to {@code file}, or {@code null} if it is missing or damaged */
    static ClassGraph read(Path file) {
        if (!Files.isRegularFile(file)) {
            return null;
        }
        List<Node> classes = new ArrayList<>();
        Map<String, Set<String>> services = new LinkedHashMap<>();
        Set<String> named = Set.of();
        Set<String> packaged = Set.of();
        Set<String> entryClasses = Set.of();
        Map<String, String> features = new LinkedHashMap<>();
        try (BufferedReader in = new BufferedReader(
                new InputStreamReader(new GZIPInputStream(Files.newInputStream(file)), StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                String[] fields = line.split("\t", -1);
                switch (fields[0]) {
                    case "S" -> services.put(fields[1], words(fields[2]));
                    case "N" -> named = words(fields[1]);
                    case "P" -> packaged = words(fields[1]);
                    case "E" -> entryClasses = words(fields[1]);
                    case "F" -> features.put(unclean(fields[1]), unclean(fields[2]));
                    case "C" -> {
                        Map<String, String> packages = new LinkedHashMap<>();
                        for (String use : fields[3].split(" ")) {
                            int equals = use.indexOf('=');
                            if (equals > 0) {
                                packages.put(use.substring(0, equals), use.substring(equals + 1));
                            }
                        }
                        Set<String> nodeFeatures = new TreeSet<>();
                        for (String feature : fields[4].split(" ")) {
                            if (!feature.isEmpty()) {
                                nodeFeatures.add(unclean(feature));
                            }
                        }
                        classes.add(new Node(
                                fields[1],
                                unclean(fields[2]),
                                packages,
                                nodeFeatures,
                                words(fields[5]),
                                fields[6].isEmpty() ? List.of() : List.of(fields[6].split(" ")),
                                words(fields[7])));
                    }
                    default -> {
                        return null;
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            return null; // only a cache: the jar is read again
        }
        return new ClassGraph(classes, services, named, packaged, entryClasses, features);
    }

    private static Set<String> words(String text) {
        Set<String> words = new TreeSet<>();
        for (String word : text.split(" ")) {
            if (!word.isEmpty()) {
                words.add(word);
            }
        }
        return words;
    }

    /** What {@link #clean} escapes, and how: the escape character first. */
    private static final String[][] ESCAPES = {{"%", "%25"}, {" ", "%20"}, {"\t", "%09"}, {"\n", "%0A"}, {"\r", "%0D"}};

    /** Tabs, spaces and line ends of a value, escaped (owners and features may hold spaces). */
    private static String clean(String value) {
        for (String[] escape : ESCAPES) {
            value = value.replace(escape[0], escape[1]);
        }
        return value;
    }

    private static String unclean(String value) {
        for (int i = ESCAPES.length - 1; i >= 0; i--) {
            value = value.replace(ESCAPES[i][1], ESCAPES[i][0]);
        }
        return value;
    }
}
