package dev.dockyard.image.push;

import static dev.dockyard.image.support.CoreException.mention;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dockyard.image.assemble.AssembledImage;
import dev.dockyard.image.assemble.PlatformImages;
import dev.dockyard.image.dockerfile.ImageRef;
import dev.dockyard.image.engine.EngineException;
import dev.dockyard.image.engine.EngineLog;
import dev.dockyard.image.engine.RegistryCredentials;
import dev.dockyard.image.engine.RegistryException;
import dev.dockyard.image.registry.ImagePull;
import dev.dockyard.image.registry.RegistryClient;
import dev.dockyard.image.registry.RegistryConnection;
import dev.dockyard.image.sbom.SbomWriter;
import dev.dockyard.image.support.ByteSize;
import dev.dockyard.image.support.Sha256;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * Pushes an assembled image straight to its registry, without the engine: the blobs the repository lacks (the
 * layers gzip-compressed, {@link CompressedLayers}; the base image's layers mounted from the base's repository on
 * the same registry, else copied from the base's registry once), then one manifest per tag, which only happens when
 * every blob is there: a push that fails leaves no tag behind.
 */
public final class RegistryPush {

    static final String OCI_MANIFEST = "application/vnd.oci.image.manifest.v1+json";
    static final String OCI_INDEX = "application/vnd.oci.image.index.v1+json";
    static final String OCI_CONFIG = "application/vnd.oci.image.config.v1+json";
    static final String OCI_LAYER = "application/vnd.oci.image.layer.v1.tar+gzip";
    static final String DOCKER_MANIFEST = "application/vnd.docker.distribution.manifest.v2+json";
    static final String DOCKER_LIST = "application/vnd.docker.distribution.manifest.list.v2+json";
    static final String DOCKER_CONFIG = "application/vnd.docker.container.image.v1+json";
    static final String DOCKER_LAYER = "application/vnd.docker.image.rootfs.diff.tar.gzip";
    /** CycloneDX JSON: the SBOM's layer and the artifact type of its manifest. */
    static final String SBOM_TYPE = "application/vnd.cyclonedx+json";
    /** The empty configuration an OCI artifact that has no configuration of its own points to. */
    static final String OCI_EMPTY = "application/vnd.oci.empty.v1+json";

    private static final byte[] EMPTY = "{}".getBytes(StandardCharsets.UTF_8);

    private static final ObjectMapper JSON = new ObjectMapper();

    private final CredentialLookup credentials;
    private final RegistryConnection connection;
    private final EngineLog log;

    /** The credentials for reading from a registry (a base image's). */
    public interface ReadCredentials {
        Optional<RegistryCredentials> find(String registry) throws RegistryException;
    }

    private final ReadCredentials readCredentials;

    /** A push that reads a base image of another registry with the same credential chain. */
    public RegistryPush(CredentialLookup credentials, RegistryConnection connection, EngineLog log) {
        this(credentials, registry -> credentials.find(registry, null), connection, log);
    }

    /**
     * @param credentials     the credentials of the registry pushed to
     * @param readCredentials the credentials of the registry a base image is read from, when another
     */
    public RegistryPush(
            CredentialLookup credentials,
            ReadCredentials readCredentials,
            RegistryConnection connection,
            EngineLog log) {
        this.readCredentials = readCredentials;
        this.credentials = credentials;
        this.connection = connection;
        this.log = log;
    }

    /** A blob of the manifest: where it comes from when the registry lacks it. */
    private record Blob(String mediaType, String digest, long size, Path file, ImageRef from) {}

    /**
     * @param image         what {@code image:build} assembled
     * @param references    {@code name:tag}, all of the same repository
     * @param serverId      {@code image.registryServerId}, or {@code null}
     * @param workDirectory where the compressed layers are kept between pushes
     */
    public PushResult push(AssembledImage image, List<String> references, String serverId, Path workDirectory)
            throws EngineException, IOException {
        return pushTo(references, serverId, (client, name) -> {
            Uploaded uploaded = upload(client, image, serverId, workDirectory);
            return new Tagged(
                    uploaded, "", () -> attachSbom(client, image, uploaded.descriptor(), name, workDirectory));
        });
    }

    /**
     * Pushes the images of a multi-platform build: each platform's blobs and manifest (by its digest, with its SBOM
     * attached), then one index naming them all with their platforms, under every tag.
     *
     * @param images        what {@code image:build} assembled per platform
     * @param references    {@code name:tag}, all of the same repository
     * @param serverId      {@code image.registryServerId}, or {@code null}
     * @param workDirectory the module's work directory (each platform's compressed layers are kept in its own)
     */
    public PushResult pushIndex(PlatformImages images, List<String> references, String serverId, Path workDirectory)
            throws EngineException, IOException {
        return pushTo(references, serverId, (client, name) -> {
            boolean docker = true;
            ArrayNode manifests = JSON.createArrayNode();
            for (Map.Entry<String, AssembledImage> entry : images.images().entrySet()) {
                String platform = entry.getKey();
                Path directory = PlatformImages.directory(workDirectory, platform);
                Uploaded uploaded = upload(client, entry.getValue(), serverId, directory);
                String digest = client.putManifest(uploaded.digest(), uploaded.manifest(), uploaded.mediaType());
                log.info("Pushed the " + platform + " image " + name + "@" + digest);
                attachSbom(client, entry.getValue(), uploaded.descriptor(), name, directory);
                docker &= uploaded.mediaType().equals(DOCKER_MANIFEST);
                ObjectNode descriptor = manifests.addObject();
                descriptor(descriptor, uploaded.descriptor());
                JsonNode config = JSON.readTree(entry.getValue().config());
                ObjectNode of = descriptor.putObject("platform");
                of.put("architecture", config.path("architecture").asText());
                of.put("os", config.path("os").asText());
                if (config.path("variant").isTextual()) {
                    of.put("variant", config.path("variant").asText());
                }
            }
            String mediaType = docker ? DOCKER_LIST : OCI_INDEX;
            ObjectNode index = JSON.createObjectNode();
            index.put("schemaVersion", 2);
            index.put("mediaType", mediaType);
            index.set("manifests", manifests);
            byte[] bytes = JSON.writeValueAsBytes(index);
            return new Tagged(
                    new Uploaded(bytes, mediaType, "sha256:" + Sha256.hex(bytes)),
                    ", an index of " + String.join(", ", images.images().keySet()),
                    () -> {});
        });
    }

    private static String failed(List<String> references) {
        return "Could not push " + references.get(0) + " to registry "
                + ImageRef.parse(references.get(0)).registry() + ": ";
    }

    /** What is put under the tags: a manifest (or index), how the log line ends, what follows the tags. */
    private record Tagged(Uploaded manifest, String said, Then then) {}

    /** A step after the tags are put. */
    private interface Then {
        void run() throws EngineException, IOException;
    }

    /** Prepares what the tags name, with a client of the target repository, named {@code name} (no tag). */
    private interface Content {
        Tagged prepare(RegistryClient client, String name) throws EngineException, IOException;
    }

    /**
     * The push of {@code references}: the target registry's credentials and client, {@code content} prepared, put
     * under every tag; a failure names the reference and the registry.
     */
    private PushResult pushTo(List<String> references, String serverId, Content content)
            throws EngineException, IOException {
        try {
            ImageRef target = ImageRef.parse(references.get(0));
            String registry = target.registry();
            Optional<RegistryCredentials> found = credentials.find(registry, serverId);
            log.info(ImagePush.announcement(registry, serverId, found));
            RegistryClient client = new RegistryClient(registry, repositoryPath(target), found, connection, log);
            client.ping();
            String name = references.get(0).substring(0, references.get(0).lastIndexOf(':'));
            Tagged tagged = content.prepare(client, name);
            String digest = tagged.manifest().digest();
            List<String> pushed = new ArrayList<>();
            for (String reference : references) {
                String tag = reference.substring(reference.lastIndexOf(':') + 1);
                digest = client.putManifest(
                        tag, tagged.manifest().manifest(), tagged.manifest().mediaType());
                pushed.add(reference);
                log.info("Pushed " + reference + " (" + digest + ")" + tagged.said());
            }
            tagged.then().run();
            return new PushResult(
                    registry,
                    pushed,
                    digest,
                    name + "@" + digest,
                    found.map(RegistryCredentials::source).orElse("none"));
        } catch (BaseNotInRegistry e) {
            throw e;
        } catch (RegistryException e) {
            throw new RegistryException(failed(references) + e.markedMessage());
        } catch (EngineException e) {
            throw new EngineException(failed(references) + e.markedMessage());
        }
    }

    /** An image's blobs in the registry: its manifest, not yet put under any name. */
    private record Uploaded(byte[] manifest, String mediaType, String digest) {

        Blob descriptor() {
            return new Blob(mediaType, digest, manifest.length, null, null);
        }
    }

    /** Uploads what the registry lacks of {@code image} (mounting a same-registry base's layers), and makes its manifest. */
    private Uploaded upload(RegistryClient client, AssembledImage image, String serverId, Path workDirectory)
            throws EngineException, IOException {
        String registry = client.registry();
        List<Blob> layers = new ArrayList<>();
        boolean dockerTypes = false;
        RegistryClient baseClient = null;
        boolean sameRegistry = false;
        if (image.baseLayers() > 0) {
            if (image.base() == null) {
                throw new RegistryException("The image builds on an earlier stage of its Dockerfile, whose layers"
                        + " only the engine has: push it with " + mention("pushVia") + "=engine.");
            }
            ImageRef base = ImageRef.parse(image.base());
            sameRegistry = base.registry().equals(registry);
            // the base's own repository is read (its manifest, and its layers when on another registry); on the same
            // registry its layers are mounted, with the scope of reading it
            baseClient = new RegistryClient(
                    base.registry(),
                    repositoryPath(base),
                    sameRegistry ? credentials.find(base.registry(), serverId) : readCredentials.find(base.registry()),
                    connection,
                    log);
            if (sameRegistry) {
                client.readAlso(repositoryPath(base));
            }
            BaseManifest manifest;
            try {
                manifest = baseManifest(image, base, baseClient);
            } catch (EngineException e) {
                throw new BaseNotInRegistry("The base image " + image.base() + " cannot be read from its registry ("
                        + e.markedMessage() + ")");
            }
            dockerTypes = manifest.docker();
            layers.addAll(manifest.layers());
        }
        CompressedLayers compressed = new CompressedLayers(workDirectory.resolve("registry-blobs"));
        for (AssembledImage.LayerFile layer : image.layers()) {
            CompressedLayers.Blob blob = compressed.of(layer.diffId(), layer.tar());
            layers.add(new Blob(dockerTypes ? DOCKER_LAYER : OCI_LAYER, blob.digest(), blob.size(), blob.file(), null));
        }
        compressed.prune(List.of());
        Path configFile = workDirectory.resolve("registry-blobs").resolve("config.json");
        Files.write(configFile, image.config());
        Blob config =
                new Blob(dockerTypes ? DOCKER_CONFIG : OCI_CONFIG, image.id(), image.config().length, configFile, null);

        int present = 0;
        int mounted = 0;
        Set<String> done = new HashSet<>();
        List<Blob> blobs = new ArrayList<>(layers);
        blobs.add(config);
        for (Blob blob : blobs) {
            if (!done.add(blob.digest())) {
                continue;
            }
            if (client.hasBlob(blob.digest())) {
                present++;
                log.debug("The registry has " + blob.digest() + " already");
            } else if (blob.from() != null
                    && sameRegistry
                    && client.mount(blob.digest(), repositoryPath(blob.from()))) {
                mounted++;
                log.debug("Mounted " + blob.digest() + " from " + repositoryPath(blob.from()));
            } else {
                Path file = blob.file();
                if (file == null) { // a base layer of another registry: fetched once, then uploaded
                    file = workDirectory
                            .resolve("registry-blobs")
                            .resolve("base-" + blob.digest().substring(7));
                    baseClient.download(blob.digest(), file);
                }
                client.upload(blob.digest(), file, blob.size());
                if (blob.file() == null) {
                    Files.deleteIfExists(file);
                }
                log.debug("Uploaded " + blob.digest() + " (" + ByteSize.format(blob.size()) + ")");
            }
        }
        log.info("Uploaded " + client.uploadedBlobs() + " of " + done.size() + " blobs ("
                + ByteSize.format(client.uploadedBytes()) + ", " + client.uploadedBytes() + " bytes), " + present
                + " already in the registry" + (mounted > 0 ? ", " + mounted + " mounted" : ""));

        String mediaType = dockerTypes ? DOCKER_MANIFEST : OCI_MANIFEST;
        byte[] manifest = manifest(mediaType, config, layers);
        return new Uploaded(manifest, mediaType, "sha256:" + Sha256.hex(manifest));
    }

    /**
     * The SBOM the image carries (the file its {@code dev.dockyard.sbom} label names, read out of its layers), pushed
     * next to it as an OCI artifact: a manifest whose one layer is the CycloneDX document, whose subject is the image
     * (registries that know the referrers API list it there), tagged {@code sha256-<hex>.sbom} as cosign names an
     * image's attachments (for registries that do not). The document names the image by its digest there (its
     * second version, see {@link SbomWriter#pushed}). Nothing for an image without one.
     */
    private void attachSbom(RegistryClient client, AssembledImage image, Blob subject, String name, Path workDirectory)
            throws EngineException, IOException {
        String path = JSON.readTree(image.config())
                .path("config")
                .path("Labels")
                .path(SbomWriter.LABEL)
                .asText("");
        if (path.isEmpty()) {
            return;
        }
        byte[] document = fileOf(image, path);
        if (document == null) {
            log.warn("The SBOM was not pushed: the image's label " + SbomWriter.LABEL + " names " + path
                    + ", which its layers do not hold");
            return;
        }
        document = new SbomWriter().pushed(document, name, subject.digest());
        Path blobs = workDirectory.resolve("registry-blobs");
        Path sbomFile = blobs.resolve("sbom.cdx.json");
        Files.write(sbomFile, document);
        Path emptyFile = blobs.resolve("empty.json");
        Files.write(emptyFile, EMPTY);
        Blob config = new Blob(OCI_EMPTY, "sha256:" + Sha256.hex(EMPTY), EMPTY.length, emptyFile, null);
        Blob layer = new Blob(SBOM_TYPE, "sha256:" + Sha256.hex(document), document.length, sbomFile, null);
        for (Blob blob : List.of(config, layer)) {
            if (!client.hasBlob(blob.digest())) {
                client.upload(blob.digest(), blob.file(), blob.size());
            }
        }
        ObjectNode manifest = JSON.createObjectNode();
        manifest.put("schemaVersion", 2);
        manifest.put("mediaType", OCI_MANIFEST);
        manifest.put("artifactType", SBOM_TYPE);
        descriptor(manifest.putObject("config"), config);
        ObjectNode sbom = manifest.putArray("layers").addObject();
        descriptor(sbom, layer);
        sbom.putObject("annotations").put("org.opencontainers.image.title", path.substring(path.lastIndexOf('/') + 1));
        descriptor(manifest.putObject("subject"), subject);
        String tag = subject.digest().replace(':', '-') + ".sbom";
        String digest = client.putManifest(tag, JSON.writeValueAsBytes(manifest), OCI_MANIFEST);
        log.info("Pushed the image's SBOM as " + name + ":" + tag + " (" + digest + ", "
                + ByteSize.format(document.length) + ")");
        Files.deleteIfExists(sbomFile);
    }

    /** The content of the image's file at {@code path}: from the last layer that holds it, {@code null} for none. */
    private static byte[] fileOf(AssembledImage image, String path) throws IOException {
        String entry = path.strip().replaceFirst("^/+", "");
        List<AssembledImage.LayerFile> layers = image.layers();
        for (int i = layers.size() - 1; i >= 0; i--) {
            try (TarArchiveInputStream tar =
                    new TarArchiveInputStream(Files.newInputStream(layers.get(i).tar()))) {
                for (TarArchiveEntry e = tar.getNextEntry(); e != null; e = tar.getNextEntry()) {
                    String name = e.getName().startsWith("./") ? e.getName().substring(2) : e.getName();
                    if (name.equals(entry) && e.isFile()) {
                        return tar.readAllBytes();
                    }
                }
            }
        }
        return null;
    }

    /**
     * The base image's layers are in no registry Dockyard can read (a base made or loaded on the engine only): the
     * engine has to push the image.
     */
    public static final class BaseNotInRegistry extends EngineException {

        private static final long serialVersionUID = 1L;

        BaseNotInRegistry(String message) {
            super(message);
        }
    }

    private record BaseManifest(boolean docker, List<Blob> layers) {}

    /**
     * The base image's layers as its registry has them: its manifest (for the image's platform, from an index),
     * checked against the configuration the image was assembled on (the diff IDs of its layers).
     */
    private BaseManifest baseManifest(AssembledImage image, ImageRef base, RegistryClient from)
            throws EngineException, IOException {
        List<String> types = List.of(OCI_MANIFEST, DOCKER_MANIFEST, OCI_INDEX, DOCKER_LIST);
        String reference = base.digest() != null ? base.digest() : (base.tag() != null ? base.tag() : "latest");
        RegistryClient.Manifest manifest = from.manifest(reference, types);
        JsonNode config = JSON.readTree(image.config());
        JsonNode node = JSON.readTree(manifest.bytes());
        if (node.has("manifests")) {
            String platform = ImagePull.platformOf(config);
            String chosen = ImagePull.choose(node, platform);
            if (chosen == null) {
                throw new RegistryException("The base image " + image.base() + " has no manifest for " + platform
                        + " in its registry: push with " + mention("pushVia") + "=engine.");
            }
            manifest = from.manifest(chosen, types);
            node = JSON.readTree(manifest.bytes());
        }
        List<Blob> layers = new ArrayList<>();
        for (JsonNode layer : node.path("layers")) {
            layers.add(new Blob(
                    layer.path("mediaType").asText(),
                    layer.path("digest").asText(),
                    layer.path("size").asLong(),
                    null,
                    base));
        }
        List<String> expected = new ArrayList<>();
        config.path("rootfs").path("diff_ids").forEach(id -> expected.add(id.asText()));
        Path baseConfig = Files.createTempFile("dockyard-base-config", ".json");
        try {
            from.download(node.path("config").path("digest").asText(), baseConfig);
            List<String> diffIds = new ArrayList<>();
            JSON.readTree(baseConfig.toFile()).path("rootfs").path("diff_ids").forEach(id -> diffIds.add(id.asText()));
            if (layers.size() != image.baseLayers()
                    || !diffIds.equals(expected.subList(0, Math.min(image.baseLayers(), expected.size())))) {
                throw new RegistryException("The base image " + image.base() + " in its registry is not the one the"
                        + " image was assembled on (the engine's copy is another version): build again with "
                        + mention("pull") + "=always, or push with " + mention("pushVia") + "=engine.");
            }
        } finally {
            Files.deleteIfExists(baseConfig);
        }
        return new BaseManifest(DOCKER_MANIFEST.equals(node.path("mediaType").asText()), layers);
    }

    private static byte[] manifest(String mediaType, Blob config, List<Blob> layers) throws IOException {
        ObjectNode manifest = JSON.createObjectNode();
        manifest.put("schemaVersion", 2);
        manifest.put("mediaType", mediaType);
        descriptor(manifest.putObject("config"), config);
        ArrayNode array = manifest.putArray("layers");
        for (Blob layer : layers) {
            descriptor(array.addObject(), layer);
        }
        return JSON.writeValueAsBytes(manifest);
    }

    private static void descriptor(ObjectNode node, Blob blob) {
        node.put("mediaType", blob.mediaType());
        node.put("digest", blob.digest());
        node.put("size", blob.size());
    }

    /** The repository's path in its registry: Docker Hub's official images are under {@code library/}. */
    public static String repositoryPath(ImageRef ref) {
        return ref.registryPath();
    }
}
