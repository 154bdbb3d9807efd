package dev.dockyard.image.render;

import java.util.List;

/**
 * How the application's JVM is started and which modules the trimmed runtime keeps.
 *
 * @param mainClass fully qualified main class, or {@code null} for the one the jar names (its {@code Start-Class}
 *        or {@code Main-Class})
 * @param options JVM options placed before the main class
 * @param modules modules for {@code jlink}; empty to compute them with a scan of the jars' class files
 * @param additionalModules modules added to the computed (or given) ones, e.g. {@code jdk.crypto.ec}
 * @param locales language tags the runtime keeps the locale data of ({@code image.locales}); empty for the
 *     locales of {@code java.base} only, {@code *} for every locale
 * @param release the Java feature release of the builder's JDK, which links the runtime
 * @param args program arguments after the main class ({@code image.args})
 * @param reactorModules with {@code image.runtime=reactor}, the modules of the reactor's one runtime, which the
 *     image links instead of its own (which must be among them); empty for a runtime of the service's own modules
 */
public record JvmSettings(
        String mainClass,
        List<String> options,
        List<String> modules,
        List<String> additionalModules,
        List<String> locales,
        int release,
        List<String> args,
        List<String> reactorModules) {

    /** Every locale's data: {@code image.locales=*}. */
    public static final String ALL_LOCALES = "*";

    public JvmSettings {
        reactorModules = List.copyOf(reactorModules);
        options = List.copyOf(options);
        modules = List.copyOf(modules);
        additionalModules = List.copyOf(additionalModules);
        locales = List.copyOf(locales);
        args = List.copyOf(args);
    }

    /** Settings for a runtime of the service's own modules. */
    public JvmSettings(
            String mainClass,
            List<String> options,
            List<String> modules,
            List<String> additionalModules,
            List<String> locales,
            int release,
            List<String> args) {
        this(mainClass, options, modules, additionalModules, locales, release, args, List.of());
    }

    /** Settings without program arguments. */
    public JvmSettings(
            String mainClass,
            List<String> options,
            List<String> modules,
            List<String> additionalModules,
            List<String> locales,
            int release) {
        this(mainClass, options, modules, additionalModules, locales, release, List.of());
    }

    /** Settings without extra locales, for the build JDK's release. */
    public JvmSettings(String mainClass, List<String> options, List<String> modules, List<String> additionalModules) {
        this(
                mainClass,
                options,
                modules,
                additionalModules,
                List.of(),
                Runtime.version().feature());
    }
}
