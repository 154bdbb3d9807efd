package dev.dockyard.image.sbom;

import java.util.List;
import java.util.Objects;

/**
 * A jar in the image, or a library inside such a jar.
 *
 * @param groupId Maven group id
 * @param artifactId Maven artifact id
 * @param version Maven version
 * @param imagePath where the file is in the image; empty for a library held inside another jar
 * @param sha256 SHA-256 of the file as staged (lower-case hex); empty when not known (a shaded library)
 * @param licenses license names or SPDX ids from the library's POM, in POM order
 * @param reactor {@code true} for a module of the build's own reactor
 * @param nested libraries inside this jar (a Spring Boot jar's nested jars, a shaded jar's artifacts)
 */
public record SbomLibrary(
        String groupId,
        String artifactId,
        String version,
        String imagePath,
        String sha256,
        List<String> licenses,
        boolean reactor,
        List<SbomLibrary> nested) {

    public SbomLibrary {
        Objects.requireNonNull(groupId, "groupId");
        Objects.requireNonNull(artifactId, "artifactId");
        Objects.requireNonNull(version, "version");
        imagePath = imagePath == null ? "" : imagePath;
        sha256 = sha256 == null ? "" : sha256;
        licenses = List.copyOf(licenses);
        nested = List.copyOf(nested);
    }

    /** @return {@code pkg:maven/group/artifact@version?type=jar} */
    public String purl() {
        return "pkg:maven/" + groupId + "/" + artifactId + "@" + version + "?type=jar";
    }

    /** @return this library with other nested libraries */
    public SbomLibrary withNested(List<SbomLibrary> libraries) {
        return new SbomLibrary(groupId, artifactId, version, imagePath, sha256, licenses, reactor, libraries);
    }

    /** @return this library with other licenses */
    public SbomLibrary withLicenses(List<String> names) {
        return new SbomLibrary(groupId, artifactId, version, imagePath, sha256, names, reactor, nested);
    }
}
