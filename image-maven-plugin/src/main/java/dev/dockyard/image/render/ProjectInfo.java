package dev.dockyard.image.render;

import java.util.List;
import java.util.Map;

/**
 * What the data model tells templates about the Maven project. Empty strings stand for values the POM leaves out.
 *
 * @param groupId group id
 * @param artifactId artifact id
 * @param version version
 * @param name the POM's {@code <name>}, or the artifact id
 * @param description the POM's {@code <description>}, or empty
 * @param url the POM's {@code <url>}, or empty
 * @param scmUrl the POM's {@code <scm><url>}, or empty
 * @param licenses license names, in POM order
 * @param vendor the POM's {@code <organization><name>}, or empty
 * @param properties the project's properties
 */
public record ProjectInfo(
        String groupId,
        String artifactId,
        String version,
        String name,
        String description,
        String url,
        String scmUrl,
        List<String> licenses,
        String vendor,
        Map<String, String> properties) {

    public ProjectInfo {
        licenses = List.copyOf(licenses);
        properties = Map.copyOf(properties);
    }
}
