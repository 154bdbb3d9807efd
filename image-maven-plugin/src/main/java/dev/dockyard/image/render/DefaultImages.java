package dev.dockyard.image.render;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The base images a template uses when none is configured: real upstream images whose Java release follows the
 * module's ({@code maven.compiler.release}, at least 17).
 */
public final class DefaultImages {

    private static final int MINIMUM_RELEASE = 17;
    /** A JDK image whose tag starts with its feature release: {@code eclipse-temurin:21-jdk}, {@code openjdk:17.0.2}. */
    private static final Pattern JDK_TAG = Pattern.compile(
            "(?:^|/)(?:eclipse-temurin|openjdk|amazoncorretto|sapmachine|jdk|ibm-semeru-runtimes):(?:open-)?([0-9]{1,2})(?![0-9])");

    private DefaultImages() {}

    /**
     * @param release {@code maven.compiler.release}, or {@code null}
     * @param target {@code maven.compiler.target} ({@code 17} or {@code 1.8} style), or {@code null}
     * @return the Java release of the default images
     */
    public static int release(String release, String target) {
        for (String value : new String[] {release, target}) {
            String digits = value == null ? "" : value.strip();
            if (digits.startsWith("1.")) {
                digits = digits.substring(2);
            }
            if (!digits.isEmpty() && digits.length() <= 9 && digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
                return Math.max(MINIMUM_RELEASE, Integer.parseInt(digits));
            }
        }
        return MINIMUM_RELEASE;
    }

    /**
     * The release of the JDK that links the runtime, for the module scan (multi-release jars, release-dependent
     * rules): the one a well-known JDK image's tag names, else the project's.
     *
     * @param builderImage the builder stage's image
     * @param projectRelease {@link #release(String, String)}
     */
    public static int builderRelease(String builderImage, int projectRelease) {
        Matcher tag = JDK_TAG.matcher(builderImage);
        return tag.find() ? Math.max(9, Integer.parseInt(tag.group(1))) : projectRelease;
    }

    /**
     * The base images of a module and the release of the JDK that links its runtime.
     *
     * @param builder the builder stage's image
     * @param runtime the final stage's image
     * @param jdkRelease {@link #builderRelease(String, int)} of {@code builder}
     */
    public record Bases(String builder, String runtime, int jdkRelease) {}

    /**
     * @param builderImage the builder stage's image as set, or {@code null} or blank for the default
     * @param runtimeImage the final stage's image as set, or {@code null} or blank for the default
     * @param template the template (a catalog name or a path), which decides the default runtime image
     * @param projectRelease {@link #release(String, String)}
     * @return the images set, else the defaults for the template and release
     */
    public static Bases bases(String builderImage, String runtimeImage, String template, int projectRelease) {
        String builder =
                builderImage != null && !builderImage.isBlank() ? builderImage.strip() : builder(projectRelease);
        String runtime = runtimeImage != null && !runtimeImage.isBlank()
                ? runtimeImage.strip()
                : runtime(template.strip(), projectRelease);
        return new Bases(builder, runtime, builderRelease(builder, projectRelease));
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
