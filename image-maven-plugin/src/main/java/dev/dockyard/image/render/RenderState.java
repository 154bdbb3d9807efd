package dev.dockyard.image.render;

import dev.dockyard.image.stage.ArtifactInput;
import dev.dockyard.image.stage.ContextStager;
import dev.dockyard.image.stage.JarLayouts;
import dev.dockyard.image.stage.Layer;
import dev.dockyard.image.stage.StagedLayer;
import dev.dockyard.image.support.JarSignature;
import dev.dockyard.image.support.Sha256;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The up-to-date check of a render: a fingerprint of everything the output depends on (every field of the request,
 * maps sorted, the jars' sizes and times, the template files of every directory searched, and the bundled templates
 * and probe), kept with the result in the work directory. For the jars this build made (the module's own, the
 * reactor's) the fingerprint also holds their {@link JarSignature}: such a jar can be written again with the same
 * size and a fixed time. When the fingerprint matches and every output is still in place, the render is skipped: no
 * validation, no Freemarker, no staging, no module scan. The check reads one file, stats the inputs and outputs,
 * and reads the central directories of the jars the build made. The request's records are listed field by field
 * (not by their generated {@code toString}, whose first call costs more than the whole check).
 */
final class RenderState {

    private static final String FILE = "render-state.txt";
    /** The line of the first layer: after the fingerprint, template, modules, staging, warnings, module reasons. */
    private static final int FIRST_LAYER = 6;
    /** Starts the line of the module reasons. */
    private static final String REASONS = "modules:";

    private final String bundled;

    /** Reads the bundled templates and the probe once: they change only with the plugin. */
    RenderState() {
        try {
            MessageDigest digest = Sha256.digest();
            for (String name : Catalog.NAMES) {
                update(digest, TemplateEngine.CATALOG_PATH.substring(1) + "/" + name + ".ftl");
            }
            for (String name : Catalog.IMPORTS) {
                update(digest, TemplateEngine.CATALOG_PATH.substring(1) + "/" + name);
            }
            update(digest, ContextStager.PROBE_CLASS_FILE);
            this.bundled = Sha256.hex(digest);
        } catch (IOException e) {
            throw new IllegalStateException("The plugin jar cannot be read", e);
        }
    }

    String fingerprint(RenderRequest request, List<Path> templateDirectories) throws IOException {
        StringBuilder text = new StringBuilder();
        text.append(bundled).append('\n').append(request.dockyardVersion()).append('\n');
        ProjectInfo p = request.project();
        line(
                text,
                p.groupId(),
                p.artifactId(),
                p.version(),
                p.name(),
                p.description(),
                p.url(),
                p.scmUrl(),
                p.licenses(),
                p.vendor(),
                new TreeMap<>(p.properties()));
        ImageSettings i = request.image();
        line(
                text,
                i.name(),
                i.tags(),
                i.user(),
                i.workdir(),
                i.ports(),
                i.volumes(),
                new TreeMap<>(i.env()),
                new TreeMap<>(i.labels()));
        HealthSettings h = request.health();
        if (h == null) {
            line(text, "no health check");
        } else {
            line(text, h.path(), h.port(), h.interval(), h.timeout(), h.retries(), h.startPeriod());
        }
        JvmSettings j = request.jvm();
        line(
                text,
                j.mainClass(),
                j.options(),
                j.modules(),
                j.additionalModules(),
                j.locales(),
                j.release(),
                j.args(),
                j.reactorModules());
        line(text, j.startupCache(), j.trainingTimeout(), j.training());
        TemplateSource t = request.template();
        line(text, t.template(), t.baseDirectory(), t.moduleDirectory(), t.sharedDirectory());
        line(
                text,
                request.builderImage(),
                request.runtimeImage(),
                request.outputDirectory().toAbsolutePath(),
                request.outputTimestamp(),
                request.gitRevision());
        text.append(request.layout()).append('\n');
        built(text, request.applicationJar());
        for (Path path : JarLayouts.watched(request.applicationJar())) {
            if (path.getFileName().toString().endsWith(".jar")) {
                built(text, path);
            } else {
                file(text, path);
            }
        }
        for (ArtifactInput artifact : request.artifacts()) {
            text.append(artifact.layer()).append(' ').append(artifact.groupId()).append(' ');
            if (artifact.layer() == Layer.MODULES) {
                built(text, artifact.file());
            } else {
                file(text, artifact.file());
            }
        }
        for (Path directory : templateDirectories) {
            List<Path> templates;
            try (var walk = Files.walk(directory)) {
                templates = walk.filter(Files::isRegularFile).sorted().toList();
            }
            for (Path template : templates) {
                file(text, template);
            }
        }
        return Sha256.hex(text.toString());
    }

    /** @return the result of the last render, when its fingerprint is {@code fingerprint} and its outputs exist */
    Optional<RenderResult> upToDate(Path workDirectory, Path context, String fingerprint) throws IOException {
        Path file = workDirectory.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        if (lines.size() < 3 || !lines.get(0).equals(fingerprint)) {
            return Optional.empty();
        }
        return read(lines, context);
    }

    /**
     * @return the result of the last render into {@code context}, whatever its inputs, when its outputs are still in
     *     place: what {@code image:sbom} describes
     */
    static Optional<RenderResult> last(Path workDirectory, Path context) throws IOException {
        Path file = workDirectory.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        return lines.size() < 3 ? Optional.empty() : read(lines, context);
    }

    private static Optional<RenderResult> read(List<String> lines, Path context) {
        Path dockerfile = context.resolve("Dockerfile");
        if (!Files.isRegularFile(dockerfile)
                || !Files.isRegularFile(context.resolve(".dockerignore"))
                || !Files.isRegularFile(
                        context.resolve(ContextStager.PROBE_DIRECTORY).resolve(ContextStager.PROBE_CLASS_FILE))) {
            return Optional.empty();
        }
        if (lines.size() < FIRST_LAYER || !lines.get(FIRST_LAYER - 1).startsWith(REASONS)) {
            return Optional.empty(); // none, or written by an earlier version
        }
        String reasons = lines.get(FIRST_LAYER - 1).substring(REASONS.length());
        List<StagedLayer> layers = new ArrayList<>();
        for (String line : lines.subList(FIRST_LAYER, lines.size())) {
            String[] parts = line.split("\t", -1);
            List<String> files = List.of(parts).subList(4, parts.length);
            for (String name : files) {
                if (!Files.isRegularFile(context.resolve(parts[1]).resolve(name))) {
                    return Optional.empty();
                }
            }
            layers.add(new StagedLayer(parts[0], parts[1], parts[2], files, Long.parseLong(parts[3])));
        }
        List<String> warnings =
                lines.get(4).isEmpty() ? List.of() : List.of(lines.get(4).split("\u0001"));
        return Optional.of(new RenderResult(
                dockerfile,
                context,
                lines.get(1),
                layers,
                List.of(lines.get(2).split(",")),
                true,
                lines.get(3),
                warnings,
                reasons.isEmpty() ? List.of() : List.of(reasons.split("\u0001"))));
    }

    void save(Path workDirectory, String fingerprint, RenderResult result) throws IOException {
        List<String> lines = new ArrayList<>(List.of(
                fingerprint,
                result.template(),
                String.join(",", result.modules()),
                result.staging(),
                String.join("\u0001", result.warnings()),
                REASONS + String.join("\u0001", result.moduleReasons())));
        for (StagedLayer layer : result.layers()) {
            lines.add(layer.name() + "\t" + layer.contextDirectory() + "\t" + layer.imageDirectory() + "\t"
                    + layer.bytes() + (layer.files().isEmpty() ? "" : "\t" + String.join("\t", layer.files())));
        }
        Files.createDirectories(workDirectory);
        Files.write(workDirectory.resolve(FILE), lines, StandardCharsets.UTF_8);
    }

    /** Forgets the last render, so that the next one runs in full. */
    void clear(Path workDirectory) throws IOException {
        Files.deleteIfExists(workDirectory.resolve(FILE));
    }

    private static void line(StringBuilder text, Object... values) {
        for (Object value : values) {
            text.append(value instanceof Map<?, ?> map ? new TreeMap<>(map) : value)
                    .append('\u0000');
        }
        text.append('\n');
    }

    /** A file by its path, size and time: one stat, never its content. */
    private static void file(StringBuilder text, Path file) throws IOException {
        stat(text, file);
        text.append('\n');
    }

    /**
     * A jar this build made (the module's, a reactor module's): its stat and its {@link JarSignature}, since its
     * time may be fixed ({@code project.build.outputTimestamp}) and a change can keep its size.
     */
    private static void built(StringBuilder text, Path jar) throws IOException {
        BasicFileAttributes attributes = stat(text, jar);
        text.append('|')
                .append(attributes.isRegularFile() ? JarSignature.of(jar) : "")
                .append('\n');
    }

    /** Appends {@code path|size|time}; returns the attributes read. */
    private static BasicFileAttributes stat(StringBuilder text, Path file) throws IOException {
        BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
        text.append(file.toAbsolutePath())
                .append('|')
                .append(attributes.size())
                .append('|')
                .append(attributes.lastModifiedTime().toMillis());
        return attributes;
    }

    private static void update(MessageDigest digest, String resource) throws IOException {
        try (InputStream in = RenderState.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("missing resource " + resource);
            }
            digest.update(in.readAllBytes());
        }
    }
}
