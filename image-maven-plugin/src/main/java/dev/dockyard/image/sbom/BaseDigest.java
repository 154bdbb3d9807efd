package dev.dockyard.image.sbom;

import java.util.Locale;
import java.util.Objects;

/**
 * The digest the SBOM gives the base image of the final stage, and what it is the digest of.
 *
 * @param digest {@code sha256:} and 64 lower-case hex digits
 * @param source where it comes from, which says what it identifies
 */
public record BaseDigest(String digest, Source source) {

    /** Where a base image's digest comes from. */
    public enum Source {
        /**
         * The engine's {@code RepoDigests} for the base's repository: the digest of the manifest (or index) the
         * engine pulled it by, as its registry knows it.
         */
        ENGINE_REPO_DIGEST,
        /**
         * The engine's image id, when it knows the base by no registry digest (built or loaded on the engine): the
         * digest of the image's configuration, which no registry serves a manifest by.
         */
        ENGINE_IMAGE_ID,
        /**
         * The digest of the manifest the registry client read the base by, for the image's platform (a build with no
         * engine, {@code image.builder=host}).
         */
        REGISTRY_MANIFEST;

        /** @return the value of the component's {@value SbomWriter#DIGEST_SOURCE_PROPERTY} property */
        public String value() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        /** @return the source whose {@link #value()} is {@code value}, or {@code null} for none */
        public static Source of(String value) {
            for (Source source : values()) {
                if (source.value().equals(value)) {
                    return source;
                }
            }
            return null;
        }

        /** @return {@code true} when the digest is a manifest's, the one a registry serves the image by */
        public boolean manifest() {
            return this == ENGINE_REPO_DIGEST || this == REGISTRY_MANIFEST;
        }
    }

    public BaseDigest {
        Objects.requireNonNull(source, "source");
        if (digest == null || !digest.matches("sha256:[0-9a-f]{64}")) {
            throw new IllegalArgumentException("not a sha256 digest: " + digest);
        }
    }

    /** @return the 64 hex digits */
    public String hex() {
        return digest.substring("sha256:".length());
    }
}
