package dev.dockyard.image.push;

import java.util.List;

/**
 * What {@link ImagePush} pushed.
 *
 * @param registry          the registry host
 * @param references        the references pushed, {@code name:tag}
 * @param digest            the manifest digest, {@code sha256:...}
 * @param repoDigest        {@code name@sha256:...}, as the engine lists it in {@code RepoDigests}
 * @param credentialsSource where the credentials came from, {@code none} for an anonymous push
 */
public record PushResult(
        String registry, List<String> references, String digest, String repoDigest, String credentialsSource) {

    public PushResult {
        references = List.copyOf(references);
    }
}
