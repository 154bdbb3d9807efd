package dev.dockyard.image.render;

import java.util.List;

/**
 * How the application's JVM is started and which modules the trimmed runtime keeps.
 *
 * @param mainClass fully qualified main class, or {@code null} for the one the jar names (its {@code Start-Class}
 *        or {@code Main-Class})
 * @param options JVM options placed before the main class
 * @param modules modules for {@code jlink}; empty to compute them with {@code jdeps}
 * @param additionalModules modules added to the computed (or given) ones, e.g. {@code jdk.crypto.ec}
 */
public record JvmSettings(String mainClass, List<String> options, List<String> modules, List<String> additionalModules) {

    public JvmSettings {
        options = List.copyOf(options);
        modules = List.copyOf(modules);
        additionalModules = List.copyOf(additionalModules);
    }
}
