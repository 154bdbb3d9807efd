package dev.dockyard.image.render;

import java.time.Duration;
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
 * @param startupCache {@code image.startupCache}: {@code none}, {@code cds} (an AppCDS archive trained at build
 *     time) or {@code auto} (the AOT cache on a JDK 25 or later builder, AppCDS before)
 * @param trainingTimeout how long the training run of the startup cache may take
 * @param training {@code image.startupCache.training}, where the training run ends: {@code health} (once
 *     {@code image.healthPath} answers, then SIGTERM), {@code exit} (when the service exits by itself, at Spring
 *     Boot's refresh for a Boot jar) or {@code auto} ({@code exit} for a Spring Boot jar, else {@code health})
 */
public record JvmSettings(
        String mainClass,
        List<String> options,
        List<String> modules,
        List<String> additionalModules,
        List<String> locales,
        int release,
        List<String> args,
        List<String> reactorModules,
        String startupCache,
        Duration trainingTimeout,
        String training) {

    /** Every locale's data: {@code image.locales=*}. */
    public static final String ALL_LOCALES = "*";
    /** No startup cache: the default. */
    public static final String NO_CACHE = "none";
    /** The choices of {@code image.startupCache}. */
    public static final List<String> STARTUP_CACHES = List.of(NO_CACHE, "cds", "auto");
    /** The training run's end point chosen from the service: the default. */
    public static final String TRAIN_AUTO = "auto";
    /** The training run ends once the health path answers. */
    public static final String TRAIN_HEALTH = "health";
    /** The choices of {@code image.startupCache.training}. */
    public static final List<String> TRAININGS = List.of(TRAIN_AUTO, TRAIN_HEALTH, "exit");
    /** The default time a training run may take. */
    public static final Duration TRAINING_TIMEOUT = Duration.ofMinutes(5);
    /** The first Java release whose JDK writes the AOT cache ({@code -XX:AOTCacheOutput}, JEP 514). */
    public static final int AOT_CACHE_RELEASE = 25;

    public JvmSettings {
        reactorModules = List.copyOf(reactorModules);
        options = List.copyOf(options);
        modules = List.copyOf(modules);
        additionalModules = List.copyOf(additionalModules);
        locales = List.copyOf(locales);
        args = List.copyOf(args);
        startupCache = startupCache == null || startupCache.isBlank() ? NO_CACHE : startupCache.strip();
        trainingTimeout = trainingTimeout == null ? TRAINING_TIMEOUT : trainingTimeout;
        training = training == null || training.isBlank() ? TRAIN_AUTO : training.strip();
    }

    /**
     * @param springBoot whether the application is a Spring Boot jar
     * @return whether the training run ends once the health path answers; else the service exits by itself
     */
    public boolean trainsUntilHealthy(boolean springBoot) {
        return switch (training) {
            case TRAIN_HEALTH -> true;
            case TRAIN_AUTO -> !springBoot;
            default -> false;
        };
    }

    /**
     * The kind of archive the build trains: {@code none}, {@code cds} (AppCDS, {@code -XX:ArchiveClassesAtExit}) or
     * {@code aot} (the AOT cache, {@code -XX:AOTCacheOutput}), from {@code image.startupCache} and the builder's
     * release.
     */
    public String cacheKind() {
        return switch (startupCache) {
            case "cds" -> "cds";
            case "auto" -> release >= AOT_CACHE_RELEASE ? "aot" : "cds";
            default -> NO_CACHE;
        };
    }

    /** Settings for a runtime of the service's own modules, with no startup cache. */
    public JvmSettings(
            String mainClass,
            List<String> options,
            List<String> modules,
            List<String> additionalModules,
            List<String> locales,
            int release,
            List<String> args) {
        this(
                mainClass,
                options,
                modules,
                additionalModules,
                locales,
                release,
                args,
                List.of(),
                NO_CACHE,
                TRAINING_TIMEOUT,
                TRAIN_AUTO);
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
