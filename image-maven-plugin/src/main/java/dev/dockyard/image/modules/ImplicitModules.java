package dev.dockyard.image.modules;

import static dev.dockyard.image.support.CoreException.mention;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The rule set for modules no class file names, because they are reached only by reflection or service loading.
 * Each rule adds a module (when the target release has it) and says why:
 *
 * <table>
 * <caption>Rules</caption>
 * <tr><th>when</th><th>adds</th></tr>
 * <tr><td>TLS is reachable: a class names {@code javax.net.ssl} or {@code java.net.http}, and the release is before
 *     22</td><td>{@code jdk.crypto.ec} (elliptic-curve key exchange and certificates; part of {@code java.base} from
 *     Java 22)</td></tr>
 * <tr><td>a class calls {@code FileSystems.newFileSystem} (zip and jar file systems)</td>
 *     <td>{@code jdk.zipfs}</td></tr>
 * <tr><td>{@code image.locales} is set</td><td>{@code jdk.localedata}</td></tr>
 * <tr><td>a class names {@code java.lang.management} or {@code com.sun.management} (JMX, actuator and Micrometer
 *     JVM metrics), or a string constant names a {@code com.sun.management} class</td>
 *     <td>{@code jdk.management} (the platform MXBeans' extensions: process CPU, memory, diagnostics)</td></tr>
 * <tr><td>a class names {@code javax.management.remote}, or a JVM option sets
 *     {@code -Dcom.sun.management.jmxremote...}</td>
 *     <td>{@code jdk.management.agent} and {@code java.management.rmi} (the RMI connector, loaded by name)</td></tr>
 * <tr><td>a jar's manifest names an agent ({@code Premain-Class}, {@code Agent-Class}, {@code Launcher-Agent-Class}),
 *     or a JVM option is {@code -javaagent:}</td><td>{@code java.instrument}</td></tr>
 * <tr><td>a string constant is a JNDI DNS URL ({@code dns:...}) and {@code java.naming} is used</td>
 *     <td>{@code jdk.naming.dns}</td></tr>
 * <tr><td>a string constant names a class of {@link #REFLECTED} (loaded with {@code Class.forName})</td>
 *     <td>that class's module, e.g. {@code jdk.unsupported} for {@code sun.misc.Unsafe}</td></tr>
 * </table>
 *
 * <p>Classes the scan sees directly need no rule: {@code sun.misc.Unsafe} named in a class file maps to
 * {@code jdk.unsupported}, {@code java.lang.instrument} to {@code java.instrument}, {@code javax.naming} to
 * {@code java.naming}. Anything else loaded only by name (extra charsets in {@code jdk.charsets}, Kerberos) is added
 * with {@code image.additionalModules}.
 */
public final class ImplicitModules {

    /** Classes that libraries load by name (found as string constants), and the module holding each. */
    public static final Map<String, String> REFLECTED = Map.ofEntries(
            Map.entry("sun.misc.Unsafe", "jdk.unsupported"),
            Map.entry("sun.misc.Signal", "jdk.unsupported"),
            Map.entry("sun.reflect.ReflectionFactory", "jdk.unsupported"),
            Map.entry("com.sun.management.OperatingSystemMXBean", "jdk.management"),
            Map.entry("com.sun.management.UnixOperatingSystemMXBean", "jdk.management"),
            Map.entry("com.sun.management.HotSpotDiagnosticMXBean", "jdk.management"),
            Map.entry("com.sun.management.ThreadMXBean", "jdk.management"),
            Map.entry("com.sun.management.GarbageCollectorMXBean", "jdk.management"),
            Map.entry("com.sun.jndi.dns.DnsContextFactory", "jdk.naming.dns"),
            Map.entry("jdk.net.ExtendedSocketOptions", "jdk.net"),
            Map.entry("jdk.jfr.FlightRecorder", "jdk.jfr"),
            Map.entry("java.lang.management.ManagementFactory", "java.management"),
            Map.entry("javax.management.remote.rmi.RMIConnectorServer", "java.management.rmi"));

    /** Release from which the elliptic-curve provider is part of {@code java.base}. */
    static final int EC_IN_JAVA_BASE = 22;

    private ImplicitModules() {}

    /**
     * Why a rule adds a module.
     *
     * @param why what the rule saw
     * @param trigger the JDK package or {@link JarFacts.Feature} that made it apply, whose first user the
     *     explanation names; {@code null} when a setting did ({@code image.locales}, a JVM option)
     * @param kind what kind of reason it is: {@code rule}, {@code reflection rule}, {@code JVM option} or
     *     {@code setting}
     */
    record Rule(String why, String trigger, String kind) {}

    /**
     * @param packages JDK packages the class files name
     * @param features rule triggers found in the jars
     * @param used the modules the class files use, closed over {@code requires}
     * @return module → the first rule that adds it, for every rule that applies
     */
    static Map<String, Rule> apply(
            Set<String> packages,
            Set<String> features,
            Set<String> used,
            int release,
            List<String> locales,
            List<String> jvmOptions) {
        Map<String, Rule> added = new TreeMap<>();
        if (release < EC_IN_JAVA_BASE) {
            for (String tls : List.of("javax.net.ssl", "java.net.http")) {
                if (packages.contains(tls)) {
                    added.putIfAbsent(
                            "jdk.crypto.ec",
                            new Rule("TLS is reachable (" + tls + " is used) on Java " + release, tls, RULE));
                }
            }
        }
        if (features.contains(JarFacts.Feature.NEW_FILE_SYSTEM)) {
            added.put(
                    "jdk.zipfs",
                    new Rule(
                            "FileSystems.newFileSystem is called (zip file systems)",
                            JarFacts.Feature.NEW_FILE_SYSTEM,
                            RULE));
        }
        if (!locales.isEmpty()) {
            added.put(
                    "jdk.localedata", new Rule(mention("locales") + " is " + String.join(",", locales), null, SETTING));
        }
        for (String management : List.of("java.lang.management", "com.sun.management")) {
            if (packages.contains(management)) {
                added.putIfAbsent(
                        "jdk.management", new Rule(management + " is used (platform MXBeans)", management, RULE));
            }
        }
        if (packages.contains("javax.management.remote")) {
            added.put(
                    "jdk.management.agent",
                    new Rule("javax.management.remote is used (JMX remote)", "javax.management.remote", RULE));
            added.put(
                    "java.management.rmi",
                    new Rule(
                            "javax.management.remote is used (JMX remote, RMI connector)",
                            "javax.management.remote",
                            RULE));
        }
        for (String option : jvmOptions) {
            if (option.startsWith("-Dcom.sun.management.jmxremote")) {
                added.put("jdk.management.agent", new Rule(option.split("=", 2)[0], null, OPTION));
            } else if (option.startsWith("-javaagent:")) {
                added.put("java.instrument", new Rule("-javaagent:", null, OPTION));
            }
        }
        if (features.contains(JarFacts.Feature.AGENT)) {
            added.put("java.instrument", new Rule("a jar's manifest names a Java agent", JarFacts.Feature.AGENT, RULE));
        }
        if (features.contains(JarFacts.Feature.DNS_URL)
                && (packages.contains("javax.naming") || used.contains("java.naming"))) {
            added.put("jdk.naming.dns", new Rule("a JNDI dns: URL is used", JarFacts.Feature.DNS_URL, RULE));
        }
        for (String feature : new TreeSet<>(features)) {
            if (feature.startsWith(JarFacts.Feature.REFLECTED)) {
                String className = feature.substring(JarFacts.Feature.REFLECTED.length());
                String module = REFLECTED.get(className);
                if (module != null) {
                    added.putIfAbsent(module, new Rule(className + " is loaded by name", feature, REFLECTION));
                }
            }
        }
        return added;
    }

    /** {@link Rule#kind()}: a rule the class files trigger. */
    static final String RULE = "rule";
    /** {@link Rule#kind()}: a class of {@link #REFLECTED} named by a string constant. */
    static final String REFLECTION = "reflection rule";
    /** {@link Rule#kind()}: a JVM option. */
    static final String OPTION = "JVM option";
    /** {@link Rule#kind()}: a parameter of the plugin. */
    static final String SETTING = "setting";
}
