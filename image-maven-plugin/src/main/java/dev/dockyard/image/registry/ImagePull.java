package dev.dockyard.image.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dockyard.image.dockerfile.ImageRef;
import dev.dockyard.image.engine.EngineException;
import dev.dockyard.image.engine.RegistryException;
import dev.dockyard.image.support.Sha256;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads an image from its registry without an engine: the manifest for one platform (chosen from an index), the
 * configuration and the layer blobs, each kept in a content-addressed blob directory and checked against its digest,
 * so that a blob is downloaded once for every build that shares the directory.
 */
public final class ImagePull {

    /** Media types of manifests and indexes, OCI and Docker. */
    public static final String OCI_MANIFEST = "application/vnd.oci.image.manifest.v1+json";

    public static final String OCI_INDEX = "application/vnd.oci.image.index.v1+json";
    public static final String DOCKER_MANIFEST = "application/vnd.docker.distribution.manifest.v2+json";
    public static final String DOCKER_LIST = "application/vnd.docker.distribution.manifest.list.v2+json";

    private static final List<String> TYPES = List.of(OCI_MANIFEST, DOCKER_MANIFEST, OCI_INDEX, DOCKER_LIST);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path blobs;

    /** @param blobs the directory blobs are kept in, as {@code sha256/<hex>} */
    public ImagePull(Path blobs) {
        this.blobs = blobs;
    }

    /** One layer: its compressed blob's digest, media type and file. */
    public record LayerBlob(String digest, String mediaType, long size, Path file) {

        /** Whether the blob is gzip-compressed (else a plain tar). */
        public boolean gzipped() {
            return mediaType.endsWith("gzip");
        }
    }

    /**
     * An image read from its registry.
     *
     * @param reference      the reference it was read by
     * @param manifestDigest the digest of the platform's manifest
     * @param config         the configuration's bytes
     * @param layers         the layers, lowest first
     */
    public record Pulled(String reference, String manifestDigest, byte[] config, List<LayerBlob> layers) {

        /** The image id: {@code sha256:} of the configuration. */
        public String id() {
            return "sha256:" + Sha256.hex(config);
        }
    }

    /**
     * Reads {@code reference} for {@code platform} ({@code os/architecture[/variant]}) through {@code client}, a
     * client of the reference's repository.
     *
     * @throws RegistryException when the registry lacks the image or a manifest for the platform
     */
    public Pulled pull(RegistryClient client, ImageRef reference, String platform) throws EngineException, IOException {
        String shown = reference.registry() + "/" + reference.repository()
                + (reference.digest() != null ? "@" + reference.digest() : ":" + tagOf(reference));
        String ref = reference.digest() != null ? reference.digest() : tagOf(reference);
        RegistryClient.Manifest manifest = client.manifest(ref, TYPES);
        JsonNode node = JSON.readTree(manifest.bytes());
        if (node.has("manifests")) {
            String chosen = choose(node, platform);
            if (chosen == null) {
                List<String> offered = new ArrayList<>();
                node.get("manifests").forEach(entry -> offered.add(platformOf(entry.path("platform"))));
                throw new RegistryException("The image " + shown + " has no manifest for " + platform
                        + " (its index offers " + String.join(", ", offered) + ").");
            }
            manifest = client.manifest(chosen, TYPES);
            node = JSON.readTree(manifest.bytes());
        }
        byte[] config = Files.readAllBytes(
                blob(client, node.path("config").path("digest").asText()));
        List<LayerBlob> layers = new ArrayList<>();
        for (JsonNode layer : node.path("layers")) {
            String digest = layer.path("digest").asText();
            layers.add(new LayerBlob(
                    digest, layer.path("mediaType").asText(), layer.path("size").asLong(), blob(client, digest)));
        }
        return new Pulled(shown, manifest.digest(), config, layers);
    }

    /**
     * The digest of the manifest an index holds for {@code platform} ({@code os/architecture[/variant]}): the exact
     * platform, else one that differs only by a variant; {@code null} when none.
     */
    public static String choose(JsonNode index, String platform) {
        String near = null;
        for (JsonNode entry : index.path("manifests")) {
            String candidate = platformOf(entry.path("platform"));
            if (candidate.equals(platform)) {
                return entry.path("digest").asText();
            }
            if (near == null && (platform.startsWith(candidate + "/") || candidate.startsWith(platform + "/"))) {
                near = entry.path("digest").asText();
            }
        }
        return near;
    }

    /** {@code os/architecture[/variant]} of an image configuration or an index entry's platform. */
    public static String platformOf(JsonNode node) {
        return node.path("os").asText() + "/" + node.path("architecture").asText()
                + (node.path("variant").isTextual() ? "/" + node.path("variant").asText() : "");
    }

    /** The blob's file, downloaded when the blob directory lacks it (or holds a damaged copy). */
    private Path blob(RegistryClient client, String digest) throws EngineException, IOException {
        if (!digest.matches("sha256:[0-9a-f]{64}")) {
            throw new RegistryException("The registry named a blob by an unsupported digest: " + digest);
        }
        Path file = blobs.resolve("sha256").resolve(digest.substring(7));
        if (Files.isRegularFile(file) && ("sha256:" + Sha256.hex(file)).equals(digest)) {
            return file;
        }
        client.download(digest, file);
        return file;
    }

    private static String tagOf(ImageRef reference) {
        return reference.tag() != null ? reference.tag() : "latest";
    }
}
