package dev.dockyard.image.sbom;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What an image's SBOM states.
 *
 * @param imageName the image's repository name
 * @param imageVersion its first tag
 * @param timestamp the document's timestamp ({@code project.build.outputTimestamp}); {@code null} for none
 * @param builderImage the builder stage's base image (the JDK that linked the runtime)
 * @param runtimeImage the final stage's base image; {@code scratch} for none
 * @param jdkRelease the feature release of the builder's JDK
 * @param modules the Java modules the runtime keeps
 * @param libraries the jars staged into the image, in class path order
 * @param packages the Debian packages of the copied C libraries, {@code name=version}; empty when not known
 */
public record SbomRequest(
        String imageName,
        String imageVersion,
        Instant timestamp,
        String builderImage,
        String runtimeImage,
        int jdkRelease,
        List<String> modules,
        List<SbomLibrary> libraries,
        List<String> packages) {

    public SbomRequest {
        Objects.requireNonNull(imageName, "imageName");
        Objects.requireNonNull(imageVersion, "imageVersion");
        modules = List.copyOf(modules);
        libraries = List.copyOf(libraries);
        packages = List.copyOf(packages);
    }
}
