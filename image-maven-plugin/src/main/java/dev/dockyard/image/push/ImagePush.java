package dev.dockyard.image.push;

import static dev.dockyard.image.support.CoreException.mention;

import dev.dockyard.image.dockerfile.ImageRef;
import dev.dockyard.image.engine.Engine;
import dev.dockyard.image.engine.EngineException;
import dev.dockyard.image.engine.EngineLog;
import dev.dockyard.image.engine.RegistryCredentials;
import dev.dockyard.image.engine.RegistryException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Pushes every tag of an image to its registry with the credentials {@link CredentialLookup} finds, and reports
 * the digest. A failure names the registry, the image and what to check; never a credential.
 */
public final class ImagePush {

    private final Engine engine;
    private final CredentialLookup credentials;
    private final EngineLog log;

    public ImagePush(Engine engine, CredentialLookup credentials, EngineLog log) {
        this.engine = engine;
        this.credentials = credentials;
        this.log = log;
    }

    /**
     * @param references {@code name:tag}, all of the same repository
     * @param serverId   {@code image.registryServerId}, or {@code null}
     */
    public PushResult push(List<String> references, String serverId) throws EngineException {
        if (references.isEmpty()) {
            throw new IllegalArgumentException("nothing to push");
        }
        ImageRef first = ImageRef.parse(references.get(0));
        String registry = first.registry();
        Optional<RegistryCredentials> found = credentials.find(registry, serverId);
        log.info(announcement(registry, serverId, found));
        String digest = null;
        List<String> pushed = new ArrayList<>();
        for (String reference : references) {
            int colon = reference.lastIndexOf(':');
            String repository = reference.substring(0, colon);
            String tag = reference.substring(colon + 1);
            try {
                digest = engine.push(reference, found.orElse(null));
            } catch (RegistryException e) {
                throw new RegistryException("Could not push " + reference + " to registry " + registry + ": "
                        + e.markedMessage() + ". " + hint(e.getMessage(), registry, serverId, found));
            }
            pushed.add(reference);
            log.info("Pushed " + reference + " (" + digest + ")");
        }
        String repository = references.get(0).substring(0, references.get(0).lastIndexOf(':'));
        String repoDigest = repository + "@" + digest;
        if (!engine.repoDigests(references.get(0)).contains(repoDigest)) {
            log.debug("The engine does not list " + repoDigest + " in the image's RepoDigests yet");
        }
        return new PushResult(
                registry,
                pushed,
                digest,
                repoDigest,
                found.map(RegistryCredentials::source).orElse("none"));
    }

    /** The line that says where the push goes and with whose credentials (never the secret). */
    static String announcement(String registry, String serverId, Optional<RegistryCredentials> found) {
        return found.map(c -> "Pushing to " + registry + " with the credentials of " + c.describe())
                .orElse("Pushing to " + registry + " without credentials (no settings.xml server '"
                        + (serverId == null || serverId.isBlank() ? registry : serverId.strip())
                        + "', Docker configuration entry or " + mention("registryUsername") + ")");
    }

    /** What to check, from the reason the engine gave. */
    static String hint(String reason, String registry, String serverId, Optional<RegistryCredentials> used) {
        String text = reason.toLowerCase(Locale.ROOT);
        String server = serverId == null || serverId.isBlank() ? registry : serverId.strip();
        if (text.contains("unauthorized")
                || text.contains("authentication required")
                || text.contains("401")
                || text.contains("no basic auth credentials")) {
            return used.map(c -> "The registry refused the credentials of " + c.source() + ": check that user's"
                            + " name and password (an encrypted password needs the master password of"
                            + " settings-security.xml).")
                    .orElse("The registry wants credentials: add a <server> with <id>" + server
                            + "</id> to settings.xml, docker login " + registry + ", or set"
                            + " " + mention("registryUsername") + " and " + mention("registryPassword") + ".");
        }
        if (text.contains("denied") || text.contains("403")) {
            return "The registry denied the push: check that the user may push to this repository.";
        }
        if (text.contains("does not exist locally") || text.contains("no such image")) {
            return "The engine has no image with that tag: build it first (image:build in the same build).";
        }
        if (text.contains("x509")
                || text.contains("certificate")
                || text.contains("tls")
                || text.contains("https client")) {
            return "TLS to the registry failed: give the engine the registry's CA certificate"
                    + " (/etc/docker/certs.d/" + registry + "/ca.crt) or list the registry in the engine's"
                    + " insecure-registries.";
        }
        if (text.contains("connection refused")
                || text.contains("no such host")
                || text.contains("timeout")
                || text.contains("dial tcp")
                || text.contains("unreachable")
                || text.contains("no route")) {
            return "The registry is unreachable from the Docker engine: check that " + registry
                    + " is running and that the image name's registry part (" + mention("imageName") + ") is right.";
        }
        if (text.contains("not found") || text.contains("404") || text.contains("name unknown")) {
            return "The registry does not know this repository or is not a registry at that address: check" + " "
                    + mention("imageName") + " and the registry's URL.";
        }
        return "Check that " + registry + " is a running registry the engine can reach and that the credentials"
                + " of " + used.map(RegistryCredentials::source).orElse("no source") + " may push there.";
    }
}
