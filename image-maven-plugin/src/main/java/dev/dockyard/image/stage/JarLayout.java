package dev.dockyard.image.stage;

/** What a module's jar is, as recognised from its manifest and layout; decides how it is staged. */
public enum JarLayout {
    /** A thin jar: the jar and its resolved dependencies on a plain class path. */
    PLAIN("plain class path"),
    /** A jar repackaged by spring-boot-maven-plugin: staged exploded, {@code Start-Class} on a plain class path. */
    SPRING_BOOT("Spring Boot repackaged jar"),
    /** A jar holding its dependencies (maven-shade-plugin, assembly jar-with-dependencies): staged alone. */
    SHADED("shaded jar"),
    /** Quarkus' fast-jar ({@code target/quarkus-app/}), started by {@code quarkus-run.jar}. */
    QUARKUS("Quarkus fast-jar");

    private final String description;

    JarLayout(String description) {
        this.description = description;
    }

    /** @return how the log and the README name this layout. */
    public String description() {
        return description;
    }
}
