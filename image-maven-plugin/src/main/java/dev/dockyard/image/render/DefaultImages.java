package dev.dockyard.image.render;

/**
 * The base images a template uses when none is configured: real upstream images whose Java release follows the
 * module's ({@code maven.compiler.release}, at least 17).
 */
public final class DefaultImages {

    private static final int MINIMUM_RELEASE = 17;

    private DefaultImages() {
    }

    /**
     * @param release {@code maven.compiler.release}, or {@code null}
     * @param target {@code maven.compiler.target} ({@code 17} or {@code 1.8} style), or {@code null}
     * @return the Java release of the default images
     */
    public static int release(String release, String target) {
        for (String value : new String[] {release, target}) {
            if (value != null && value.strip().matches("(1\\.)?[0-9]+")) {
                return Math.max(MINIMUM_RELEASE, Integer.parseInt(value.strip().replaceFirst("^1\\.", "")));
            }
        }
        return MINIMUM_RELEASE;
    }

    /** @return the JDK image of the builder stage */
    public static String builder(int release) {
        return "eclipse-temurin:" + release + "-jdk";
    }

    /**
     * @return the base of the final stage: nothing ({@code scratch}) for {@code java-service}, whose builder stage
     *         assembles the whole root filesystem; a JRE for {@code java-service-jre}; Debian's slim image for
     *         {@code java-service-debian} and for templates outside the catalog, which expect a C library and a shell
     */
    public static String runtime(String template, int release) {
        return switch (template) {
            case "java-service" -> "scratch";
            case "java-service-jre" -> "eclipse-temurin:" + release + "-jre";
            default -> "debian:bookworm-slim";
        };
    }
}
