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
 * @param runtimeDigest the digest of {@code runtimeImage} the image was built on; {@code null} when not known
 *     (before {@code image:build}, or for {@code scratch})
 * @param jdkRelease the feature release of the builder's JDK
 * @param modules the Java modules the runtime keeps
 * @param libraries the jars staged into the image, in class path order
 * @param distro the distribution the packages come from ({@code ID} of the image's {@code /etc/os-release})
 * @param packages the Debian packages of the copied C libraries; empty when not known (before the builder stage ran)
 */
public record SbomRequest(
        String imageName,
        String imageVersion,
        Instant timestamp,
        String builderImage,
        String runtimeImage,
        BaseDigest runtimeDigest,
        int jdkRelease,
        List<String> modules,
        List<SbomLibrary> libraries,
        String distro,
        List<DebianPackage> packages) {

    public SbomRequest {
        Objects.requireNonNull(imageName, "imageName");
        Objects.requireNonNull(imageVersion, "imageVersion");
        modules = List.copyOf(modules);
        libraries = List.copyOf(libraries);
        distro = distro == null || distro.isBlank() ? "debian" : distro;
        packages = List.copyOf(packages);
    }

    /** @return this request with the packages the builder stage put into the image */
    public SbomRequest withPackages(String packageDistro, List<DebianPackage> imagePackages) {
        return new SbomRequest(
                imageName,
                imageVersion,
                timestamp,
                builderImage,
                runtimeImage,
                runtimeDigest,
                jdkRelease,
                modules,
                libraries,
                packageDistro,
                imagePackages);
    }

    /** @return this request with the digest of the base image the final stage was built on */
    public SbomRequest withRuntimeDigest(BaseDigest digest) {
        return new SbomRequest(
                imageName,
                imageVersion,
                timestamp,
                builderImage,
                runtimeImage,
                digest,
                jdkRelease,
                modules,
                libraries,
                distro,
                packages);
    }
}
