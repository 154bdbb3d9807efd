package dev.dockyard.image.render;

import java.util.List;

/** The templates bundled with the plugin (the {@code templates/} folder of the project). */
public final class Catalog {

    /** Catalog names, the default first. */
    public static final List<String> NAMES = List.of("java-service", "java-service-debian", "java-service-jre");

    /** Files the catalog templates import: part of what a rendered Dockerfile depends on. */
    public static final List<String> IMPORTS = List.of("jlink.ftl", "startup-cache.ftl");

    /** The template used when none is configured. */
    public static final String DEFAULT = NAMES.get(0);

    private Catalog() {}
}
