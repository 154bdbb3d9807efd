package dev.dockyard.image.dockerfile;

import java.util.Locale;

/**
 * A parsed image reference {@code [registry/]repository[:tag][@digest]}.
 *
 * @param registry   registry host, {@code docker.io} when none is given
 * @param repository repository path, e.g. {@code library/debian} is given as {@code debian}
 * @param tag        tag or {@code null}
 * @param digest     digest ({@code sha256:...}) or {@code null}
 */
public record ImageRef(String registry, String repository, String tag, String digest) {

    /** Registry assumed when a reference names none. */
    public static final String DEFAULT_REGISTRY = "docker.io";

    /**
     * Parses a reference; never fails: odd input yields an odd but non-null reference.
     *
     * @param reference text such as {@code eclipse-temurin:21-jre} or {@code ghcr.io/acme/base@sha256:abc}
     * @return the parts
     */
    public static ImageRef parse(String reference) {
        String rest = reference;
        String digest = null;
        int at = rest.indexOf('@');
        if (at >= 0) {
            digest = rest.substring(at + 1);
            rest = rest.substring(0, at);
        }
        String registry = DEFAULT_REGISTRY;
        int slash = rest.indexOf('/');
        if (slash > 0) {
            String first = rest.substring(0, slash);
            if (first.contains(".") || first.contains(":") || first.equals("localhost")) {
                registry = first.toLowerCase(Locale.ROOT);
                rest = rest.substring(slash + 1);
            }
        }
        String tag = null;
        int colon = rest.lastIndexOf(':');
        if (colon >= 0 && rest.indexOf('/', colon) < 0) {
            tag = rest.substring(colon + 1);
            rest = rest.substring(0, colon);
        }
        return new ImageRef(registry, rest, tag, digest);
    }

    /**
     * A valid repository name made from a Maven artifactId, for the default image name: lower case, every run of
     * characters a repository name cannot hold (anything but letters, digits, {@code .}, {@code _}, {@code -}) as one
     * {@code -}, no separator at either end; {@code app} when nothing is left.
     *
     * @param artifactId an artifactId such as {@code MnHelloRest} or {@code orders_Service}
     * @return {@code mnhellorest}, {@code orders_service}
     */
    public static String repositoryFrom(String artifactId) {
        String name = artifactId
                .toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9._-]+", "-")
                .replaceAll("([._-])[._-]+", "$1")
                .replaceAll("^[._-]+|[._-]+$", "");
        return name.isEmpty() ? "app" : name;
    }

    /** @return {@code true} for the empty base image {@code scratch} */
    public boolean isScratch() {
        return DEFAULT_REGISTRY.equals(registry)
                && "scratch".equalsIgnoreCase(repository)
                && tag == null
                && digest == null;
    }

    /**
     * @return the repository's path in its registry: Docker Hub's official images are under {@code library/}
     *     ({@code library/debian} for {@code debian})
     */
    public String registryPath() {
        return DEFAULT_REGISTRY.equals(registry) && !repository.contains("/") ? "library/" + repository : repository;
    }

    /** @return the last path segment of the repository, e.g. {@code temurin} for {@code acme/temurin} */
    public String simpleName() {
        int slash = repository.lastIndexOf('/');
        return repository.substring(slash + 1);
    }
}
