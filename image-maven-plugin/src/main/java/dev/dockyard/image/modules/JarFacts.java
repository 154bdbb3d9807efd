package dev.dockyard.image.modules;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What one jar's class files name, reduced to what the module computation needs, with the first class that named
 * each, so that a linked module can say why it is there.
 *
 * @param packages the JDK packages referenced (dotted names), each with its first {@link Use}
 * @param features triggers of the {@link ImplicitModules} rules found in the jar (see {@link Feature}), each with the
 *     class (or manifest) that holds it
 * @param requires the JDK modules a {@code module-info.class} of the jar requires (not {@code static})
 * @param warning why part of the jar could not be read, or {@code null}
 * @param graph its classes and what each names, for {@link Reachability}; {@code null} when not known (sources, or
 *     facts read from the per-module store without their graph)
 */
record JarFacts(
        Map<String, Use> packages,
        Map<String, String> features,
        Set<String> requires,
        String warning,
        ClassGraph graph) {

    /** Facts without a class graph. */
    JarFacts(Map<String, Use> packages, Map<String, String> features, Set<String> requires, String warning) {
        this(packages, features, requires, warning, null);
    }

    /** @return these facts with {@code graph} */
    JarFacts with(ClassGraph graph) {
        return new JarFacts(packages, features, requires, warning, graph);
    }

    JarFacts {
        packages = Map.copyOf(packages);
        features = Map.copyOf(features);
        requires = Set.copyOf(requires);
    }

    /**
     * Where a JDK package is first named.
     *
     * @param owner the jar's class that names it (dotted; {@code lib/x.jar!/a.B} inside a nested jar)
     * @param target the JDK class it names (dotted)
     */
    record Use(String owner, String target) {}

    /** Serialised form: four tab-separated fields (lists comma-separated, {@code key=class[>class]}). */
    String encode() {
        Map<String, String> uses = new HashMap<>();
        packages.forEach((pkg, use) -> uses.put(pkg, use.owner() + ">" + use.target()));
        return join(uses) + "\t" + join(features) + "\t" + String.join(",", new TreeSet<>(requires)) + "\t"
                + (warning == null ? "" : warning.replace('\t', ' ').replace('\n', ' '));
    }

    static JarFacts decode(String[] fields, int from) {
        Map<String, Use> packages = new HashMap<>();
        split(fields[from]).forEach((pkg, use) -> {
            int arrow = use.indexOf('>');
            packages.put(pkg, new Use(use.substring(0, arrow), use.substring(arrow + 1)));
        });
        String requires = fields[from + 2];
        return new JarFacts(
                packages,
                split(fields[from + 1]),
                requires.isEmpty() ? Set.of() : Set.copyOf(List.of(requires.split(","))),
                fields[from + 3].isEmpty() ? null : fields[from + 3]);
    }

    private static String join(Map<String, String> values) {
        StringBuilder text = new StringBuilder();
        new TreeMap<>(values).forEach((key, value) -> {
            text.append(text.isEmpty() ? "" : ",").append(key).append('=').append(value);
        });
        return text.toString();
    }

    private static Map<String, String> split(String csv) {
        Map<String, String> values = new HashMap<>();
        if (!csv.isEmpty()) {
            for (String entry : csv.split(",")) {
                int equals = entry.indexOf('=');
                values.put(entry.substring(0, equals), entry.substring(equals + 1));
            }
        }
        return values;
    }

    /** The rule triggers a class file or manifest can hold. */
    static final class Feature {
        /** {@code FileSystems.newFileSystem} is called. */
        static final String NEW_FILE_SYSTEM = "newFileSystem";
        /** The manifest names an agent class ({@code Premain-Class}, {@code Agent-Class}, {@code Launcher-Agent-Class}). */
        static final String AGENT = "agent";
        /** A string constant is a JNDI DNS URL ({@code dns:...}). */
        static final String DNS_URL = "dnsUrl";
        /** Prefix of a string constant naming a class of {@link ImplicitModules#REFLECTED}. */
        static final String REFLECTED = "reflects:";

        private Feature() {}
    }
}
