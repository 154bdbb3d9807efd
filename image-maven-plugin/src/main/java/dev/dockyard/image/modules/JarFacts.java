package dev.dockyard.image.modules;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * What one jar's class files name, reduced to what the module computation needs.
 *
 * @param packages the JDK packages referenced (dotted names)
 * @param features triggers of the {@link ImplicitModules} rules found in the jar (see {@link Feature})
 * @param requires the JDK modules a {@code module-info.class} of the jar requires (not {@code static})
 * @param warning why part of the jar could not be read, or {@code null}
 */
record JarFacts(Set<String> packages, Set<String> features, Set<String> requires, String warning) {

    JarFacts {
        packages = Set.copyOf(new TreeSet<>(packages));
        features = Set.copyOf(features);
        requires = Set.copyOf(requires);
    }

    /** Serialised form: four tab-separated fields (lists comma-separated). */
    String encode() {
        return join(packages) + "\t" + join(features) + "\t" + join(requires) + "\t"
                + (warning == null ? "" : warning.replace('\t', ' ').replace('\n', ' '));
    }

    static JarFacts decode(String[] fields, int from) {
        return new JarFacts(
                split(fields[from]),
                split(fields[from + 1]),
                split(fields[from + 2]),
                fields[from + 3].isEmpty() ? null : fields[from + 3]);
    }

    private static String join(Set<String> values) {
        return String.join(",", new TreeSet<>(values));
    }

    private static Set<String> split(String csv) {
        return csv.isEmpty() ? Set.of() : Set.copyOf(List.of(csv.split(",")));
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
