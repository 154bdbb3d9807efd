package dev.dockyard.image.sbom;

import dev.dockyard.image.dockerfile.ImageRef;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.cyclonedx.Version;
import org.cyclonedx.exception.GeneratorException;
import org.cyclonedx.exception.ParseException;
import org.cyclonedx.generators.BomGeneratorFactory;
import org.cyclonedx.model.Bom;
import org.cyclonedx.model.Component;
import org.cyclonedx.model.Dependency;
import org.cyclonedx.model.Hash;
import org.cyclonedx.model.License;
import org.cyclonedx.model.LicenseChoice;
import org.cyclonedx.model.Metadata;
import org.cyclonedx.model.Property;
import org.cyclonedx.parsers.JsonParser;

/**
 * Writes an image's SBOM as a CycloneDX 1.6 JSON document. The same request gives the same bytes: components keep
 * the request's order, the serial number is a name-based UUID of the document written without it, and the only
 * timestamp is the request's.
 */
public final class SbomWriter {

    /** The CycloneDX version written. */
    public static final Version VERSION = Version.VERSION_16;
    /** The property marking a module of the build's own reactor. */
    public static final String REACTOR_PROPERTY = "dev.dockyard:reactor";
    /** The property giving a component's path in the image. */
    public static final String PATH_PROPERTY = "dev.dockyard:path";
    /**
     * Where the image holds its SBOM: a file of its own, in the last layer, so that the layers below stay shared
     * with images of other versions.
     */
    public static final String IMAGE_PATH = "/usr/share/dockyard/sbom.cdx.json";
    /**
     * The property of the base image's component that says what its version and hash are the digest of:
     * {@code engine-repo-digest} (the manifest the engine pulled it by, its {@code RepoDigests}) or
     * {@code engine-image-id} (the engine's image id, the digest of its configuration: no registry digest is known).
     */
    public static final String DIGEST_SOURCE_PROPERTY = "dev.dockyard:digestSource";
    /** The label whose value is {@link #IMAGE_PATH}, in the style of the other {@code dev.dockyard.*} labels. */
    public static final String LABEL = "dev.dockyard.sbom";

    /** @return the document, UTF-8 JSON ending in a line break */
    public byte[] write(SbomRequest request) {
        Bom bom = bom(request);
        String unnumbered = json(bom);
        bom.setSerialNumber("urn:uuid:" + UUID.nameUUIDFromBytes(unnumbered.getBytes(StandardCharsets.UTF_8)));
        return (json(bom) + "\n").getBytes(StandardCharsets.UTF_8);
    }

    /**
     * The image's document as pushed to a registry: the same BOM (its serial number kept), revised once
     * ({@code version} 2) to name the image by what only the push knows, the digest of its manifest, as the hash and
     * {@code pkg:oci} purl of {@code metadata.component}. The document the image holds cannot name the digest of the
     * image it is part of.
     *
     * @param document   the image's document, as {@link #write} wrote it
     * @param repository where it was pushed, {@code registry/path} with no tag
     * @param digest     the digest of the image's manifest in that repository
     * @return the revised document, or {@code document} itself when it is not one this writer can read
     */
    public byte[] pushed(byte[] document, String repository, String digest) {
        Bom bom;
        try {
            bom = new JsonParser().parse(document);
        } catch (ParseException e) {
            return document;
        }
        Component image = bom.getMetadata() == null ? null : bom.getMetadata().getComponent();
        if (image == null || !digest.matches("sha256:[0-9a-f]{64}")) {
            return document;
        }
        String tag = image.getVersion() == null ? "" : ":" + image.getVersion();
        image.setPurl(ociPurl(repository + tag, digest));
        image.setHashes(List.of(new Hash(Hash.Algorithm.SHA_256, digest.substring("sha256:".length()))));
        bom.setVersion(2);
        return (json(bom) + "\n").getBytes(StandardCharsets.UTF_8);
    }

    private static String json(Bom bom) {
        try {
            return BomGeneratorFactory.createJson(VERSION, bom).toJsonString(true);
        } catch (GeneratorException e) {
            throw new IllegalStateException("CycloneDX could not write the SBOM: " + e.getMessage(), e);
        }
    }

    private static Bom bom(SbomRequest request) {
        Bom bom = new Bom();
        bom.setVersion(1);
        Metadata metadata = new Metadata();
        // without the project's timestamp none at all: cyclonedx-core-java's Metadata starts with the current time
        metadata.setTimestamp(request.timestamp() == null ? null : Date.from(request.timestamp()));
        Component image = new Component();
        image.setType(Component.Type.CONTAINER);
        image.setBomRef("image");
        image.setName(request.imageName());
        image.setVersion(request.imageVersion());
        image.setPurl("pkg:docker/" + request.imageName() + "@" + request.imageVersion());
        metadata.setComponent(image);
        bom.setMetadata(metadata);

        List<Component> components = new ArrayList<>();
        List<Dependency> dependencies = new ArrayList<>();
        Dependency root = new Dependency("image");
        Set<String> refs = new HashSet<>();

        String base = request.runtimeImage();
        if (base != null && !base.isBlank() && !base.equals("scratch")) {
            Component container = new Component();
            container.setType(Component.Type.CONTAINER);
            container.setBomRef(unique(refs, "base-image"));
            container.setName(base);
            container.setPurl(dockerPurl(base));
            container.setDescription("the base image of the final stage");
            BaseDigest digest = request.runtimeDigest();
            if (digest != null) {
                container.setVersion(digest.digest());
                container.setHashes(List.of(new Hash(Hash.Algorithm.SHA_256, digest.hex())));
                if (digest.source().manifest()) {
                    container.setPurl(ociPurl(base, digest));
                }
                container.addProperty(
                        property(DIGEST_SOURCE_PROPERTY, digest.source().value()));
            }
            components.add(container);
            root.addDependency(new Dependency(container.getBomRef()));
        }

        Component runtime = new Component();
        runtime.setType(Component.Type.PLATFORM);
        runtime.setBomRef(unique(refs, "java-runtime"));
        runtime.setName("java-runtime");
        runtime.setGroup(vendor(request.builderImage()));
        runtime.setVersion(String.valueOf(request.jdkRelease()));
        runtime.setDescription("the Java runtime linked from " + request.builderImage());
        runtime.addProperty(property("dev.dockyard:builderImage", request.builderImage()));
        Dependency runtimeDependency = new Dependency(runtime.getBomRef());
        List<Component> modules = new ArrayList<>();
        for (String module : request.modules()) {
            Component m = new Component();
            m.setType(Component.Type.LIBRARY);
            m.setBomRef(unique(refs, "java-module:" + module));
            m.setName(module);
            m.setVersion(String.valueOf(request.jdkRelease()));
            modules.add(m);
            runtimeDependency.addDependency(new Dependency(m.getBomRef()));
        }
        if (!modules.isEmpty()) {
            runtime.setComponents(modules);
        }
        components.add(runtime);
        root.addDependency(new Dependency(runtime.getBomRef()));

        for (DebianPackage debian : request.packages()) {
            Component p = new Component();
            p.setType(Component.Type.LIBRARY);
            p.setName(debian.name());
            p.setVersion(debian.version());
            p.setPurl(debian.purl(request.distro()));
            p.setBomRef(unique(refs, p.getPurl()));
            p.addProperty(property(PATH_PROPERTY, "/" + DebianPackage.STATUS_DIRECTORY + "/" + debian.name()));
            components.add(p);
            root.addDependency(new Dependency(p.getBomRef()));
        }

        List<Dependency> libraries = new ArrayList<>();
        libraries(request.libraries(), refs, libraries, components, root);
        bom.setComponents(components);
        dependencies.add(root);
        dependencies.add(runtimeDependency);
        dependencies.addAll(libraries);
        bom.setDependencies(dependencies);
        return bom;
    }

    private static Component library(SbomLibrary library, Set<String> refs, List<Dependency> dependencies) {
        Component c = new Component();
        c.setType(Component.Type.LIBRARY);
        String purl = library.purl();
        c.setName(library.artifactId());
        if (purl == null) {
            // a file the build wrote, which no repository holds: named by where it is, known by its hash
            c.setBomRef(unique(
                    refs, "file:" + (library.imagePath().isEmpty() ? library.artifactId() : library.imagePath())));
            c.setDescription("a jar of no Maven coordinates, written by the module's build");
        } else {
            c.setGroup(library.groupId());
            c.setVersion(library.version());
            c.setPurl(purl);
            c.setBomRef(unique(refs, purl));
        }
        if (!library.sha256().isEmpty()) {
            c.setHashes(List.of(new Hash(Hash.Algorithm.SHA_256, library.sha256())));
        }
        if (!library.licenses().isEmpty()) {
            LicenseChoice choice = new LicenseChoice();
            for (String name : library.licenses()) {
                License license = new License();
                license.setName(name);
                choice.addLicense(license);
            }
            c.setLicenses(choice);
        }
        if (!library.imagePath().isEmpty()) {
            c.addProperty(property(PATH_PROPERTY, library.imagePath()));
        }
        if (library.reactor()) {
            c.addProperty(property(REACTOR_PROPERTY, "true"));
        }
        Dependency dependency = new Dependency(c.getBomRef());
        if (!library.nested().isEmpty()) {
            List<Component> inner = new ArrayList<>();
            libraries(library.nested(), refs, dependencies, inner, dependency);
            c.setComponents(inner);
        }
        dependencies.add(dependency);
        return c;
    }

    /**
     * Adds a component per library to {@code components}, each a dependency of {@code parent}; the libraries' own
     * dependency entries go to {@code dependencies}.
     */
    private static void libraries(
            List<SbomLibrary> libraries,
            Set<String> refs,
            List<Dependency> dependencies,
            List<Component> components,
            Dependency parent) {
        for (SbomLibrary library : libraries) {
            Component c = library(library, refs, dependencies);
            components.add(c);
            parent.addDependency(new Dependency(c.getBomRef()));
        }
    }

    private static Property property(String name, String value) {
        Property property = new Property();
        property.setName(name);
        property.setValue(value);
        return property;
    }

    /** @return {@code ref}, or {@code ref#2}, {@code ref#3}... when already taken */
    private static String unique(Set<String> refs, String ref) {
        String candidate = ref;
        for (int i = 2; !refs.add(candidate); i++) {
            candidate = ref + "#" + i;
        }
        return candidate;
    }

    /** @return {@code pkg:docker/name@tag} for {@code name:tag}, the digest as the version when pinned */
    static String dockerPurl(String image) {
        String name = image;
        String version = "latest";
        int at = image.indexOf('@');
        if (at >= 0) {
            name = image.substring(0, at);
            version = image.substring(at + 1);
        }
        int colon = name.lastIndexOf(':');
        if (colon > name.lastIndexOf('/')) {
            if (at < 0) {
                version = name.substring(colon + 1);
            }
            name = name.substring(0, colon);
        }
        return "pkg:docker/" + name + "@" + version.replace(":", "%3A");
    }

    /**
     * @return the purl of an OCI image by its manifest digest, as the purl specification's {@code oci} type has it:
     *     {@code pkg:oci/debian@sha256%3A...?repository_url=docker.io/library/debian&tag=bookworm-slim}
     */
    static String ociPurl(String image, BaseDigest digest) {
        return ociPurl(image, digest.digest());
    }

    private static String ociPurl(String image, String digest) {
        ImageRef ref = ImageRef.parse(image);
        String tag = ref.tag() == null && ref.digest() == null ? "latest" : ref.tag();
        return "pkg:oci/" + ref.simpleName().toLowerCase(Locale.ROOT) + "@"
                + digest.replace(":", "%3A")
                + "?repository_url=" + qualifier(ref.registry() + "/" + ref.registryPath())
                + (tag == null ? "" : "&tag=" + qualifier(tag));
    }

    /** A qualifier value: percent-encoded but for what the purl specification leaves as it is in a URL's path. */
    private static String qualifier(String value) {
        StringBuilder out = new StringBuilder();
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if ((c >= 'a' && c <= 'z')
                    || (c >= 'A' && c <= 'Z')
                    || (c >= '0' && c <= '9')
                    || "-._~/:".indexOf(c) >= 0) {
                out.append(c);
            } else {
                out.append('%').append(String.format(Locale.ROOT, "%02X", b & 0xff));
            }
        }
        return out.toString();
    }

    /** @return the JDK vendor that a builder image's name tells, or empty */
    static String vendor(String builderImage) {
        String name = builderImage == null ? "" : builderImage.toLowerCase(Locale.ROOT);
        if (name.contains("temurin")) {
            return "Eclipse Adoptium";
        }
        if (name.contains("corretto")) {
            return "Amazon";
        }
        if (name.contains("zulu")) {
            return "Azul";
        }
        if (name.contains("liberica")) {
            return "BellSoft";
        }
        if (name.contains("semeru")) {
            return "IBM";
        }
        return null;
    }
}
