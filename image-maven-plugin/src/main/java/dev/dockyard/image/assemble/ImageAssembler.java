package dev.dockyard.image.assemble;

import dev.dockyard.image.dockerfile.Dockerfile;
import dev.dockyard.image.dockerfile.Flag;
import dev.dockyard.image.dockerfile.ImageRef;
import dev.dockyard.image.dockerfile.Instruction;
import dev.dockyard.image.dockerfile.ShellWords;
import dev.dockyard.image.dockerfile.Stage;
import dev.dockyard.image.engine.BuildContext;
import dev.dockyard.image.engine.BuildRequest;
import dev.dockyard.image.engine.Engine;
import dev.dockyard.image.engine.EngineException;
import dev.dockyard.image.engine.EngineLog;
import dev.dockyard.image.engine.ImageBuildException;
import dev.dockyard.image.support.ByteSize;
import dev.dockyard.image.support.DurationText;
import dev.dockyard.image.support.Sha256;
import dev.dockyard.image.support.UserFixableException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarFile;

/**
 * Assembles the final stage of a rendered Dockerfile: the earlier stages build on the engine ({@code --target}, with
 * only the context files they copy), the final stage's {@code COPY} layers are written here with one fixed time and
 * the owners and modes the engine's {@code COPY} gives, its configuration from its base's and its own instructions,
 * and the image is loaded into the engine with every tag. The same Dockerfile, context and earlier-stage output give
 * the same layers and the same image id on any engine.
 */
public final class ImageAssembler {

    /** The instructions a final stage may hold for the assembler to take it. */
    private static final Set<String> SUPPORTED = Set.of(
            "FROM",
            "COPY",
            "ENV",
            "ARG",
            "WORKDIR",
            "USER",
            "EXPOSE",
            "VOLUME",
            "HEALTHCHECK",
            "STOPSIGNAL",
            "ENTRYPOINT",
            "CMD",
            "LABEL");

    private static final Pattern NUMERIC_OWNER = Pattern.compile("[0-9]+(:[0-9]+)?");
    private static final Pattern WILDCARD = Pattern.compile("[*?\\[]");
    private static final String ARCHIVE = "assembled-image.tar";

    private final BuildRequest request;
    private final BuildContext context;
    private final Dockerfile dockerfile;
    private final Instant time;
    private final FileTree tree = new FileTree();
    private final List<Path> temporary = new ArrayList<>();
    private long readBytes;
    private int reused;
    private final LayerCache cache;
    private final Object stages;
    private String baseReference;
    private int baseLayers;
    private Appendix appendix;
    private List<Layer.Written> written = List.of();
    private final List<Long> baseLayerSizes = new ArrayList<>();

    public ImageAssembler(BuildRequest request, BuildContext context, Dockerfile dockerfile, Instant time) {
        this(request, context, dockerfile, time, null);
    }

    /**
     * An assembler whose builds of earlier stages hold {@code stages} while they run (see {@link Assembly#stages()}),
     * or run at once when it is {@code null}.
     */
    public ImageAssembler(
            BuildRequest request, BuildContext context, Dockerfile dockerfile, Instant time, Object stages) {
        this.stages = stages;
        this.request = request;
        this.context = context;
        this.dockerfile = dockerfile;
        this.time = time;
        this.cache = new LayerCache(request.workDirectory().resolve("assembled-layers"));
    }

    /**
     * Adds {@code file} to the image in a last layer of its own, above the Dockerfile's, its path in its label.
     *
     * @return this assembler
     */
    public ImageAssembler withAppendix(Appendix file) {
        this.appendix = file;
        return this;
    }

    /**
     * Why the assembler cannot take the final stage of {@code dockerfile}, naming the instruction and its line;
     * {@code null} when it can.
     */
    public static String unsupported(Dockerfile dockerfile) {
        Stage last = dockerfile.finalStage();
        if (!last.resolved()) {
            return "FROM " + last.baseName() + " at line " + last.from().line() + " names its base with a variable";
        }
        if (last.baseStage() != null && last.baseStage().name() == null) {
            return "FROM at line " + last.from().line() + " builds on an unnamed stage";
        }
        for (Instruction instruction : last.instructions()) {
            String reason = unsupported(dockerfile, instruction);
            if (reason != null) {
                return instruction.keyword() + reason + " at line " + instruction.line() + " of " + dockerfile.path();
            }
        }
        return null;
    }

    private static String unsupported(Dockerfile dockerfile, Instruction instruction) {
        String keyword = instruction.keyword();
        if (!SUPPORTED.contains(keyword)) {
            return "";
        }
        if (!instruction.heredocs().isEmpty()) {
            return " with a here-document";
        }
        for (Flag flag : instruction.flags()) {
            boolean known = switch (keyword) {
                case "COPY" -> flag.name().equals("from") || flag.name().equals("chown");
                case "HEALTHCHECK" ->
                    Set.of("interval", "timeout", "start-period", "retries").contains(flag.name());
                case "FROM" -> flag.name().equals("platform");
                default -> false;
            };
            if (!known) {
                return " --" + flag.name();
            }
        }
        if (keyword.equals("FROM") && instruction.flag("platform") != null) {
            return " --platform";
        }
        if (keyword.equals("COPY")) {
            String chown = instruction.flag("chown");
            if (chown != null && !NUMERIC_OWNER.matcher(chown).matches()) {
                return " --chown=" + chown + " (a name: only numeric owners are assembled)";
            }
            String from = instruction.flag("from");
            if (from != null) {
                Stage stage = dockerfile.stage(from);
                if (stage == null || stage.name() == null || stage.index() >= instruction.stage()) {
                    return " --from=" + from + " (not an earlier named stage)";
                }
            }
            for (String word : words(dockerfile, instruction)) {
                if (WILDCARD.matcher(word).find()) {
                    return " of the pattern " + word;
                }
            }
        }
        if (keyword.equals("EXPOSE") && instruction.expanded().contains("-")) {
            return " of a port range";
        }
        return null;
    }

    /**
     * Builds the earlier stages, assembles the final one and loads it into {@code engine}, tagged.
     *
     * @return the image's id ({@code sha256:} of its configuration)
     * @throws CannotAssemble     when something met on the way needs the engine's build (said in the message)
     * @throws ImageBuildException when a stage fails or a {@code COPY} source does not exist
     */
    public String assemble(Engine engine, EngineLog log) throws EngineException, IOException, CannotAssemble {
        StageSource source = engineStages(engine, log);
        try {
            return load(engine, assemble(source, log), log);
        } finally {
            source.cleanUp(log);
            cleanUp(log);
        }
    }

    /** The engine as the source of base images and earlier stages, for {@link #assemble(StageSource, EngineLog)}. */
    public StageSource engineStages(Engine engine, EngineLog log) {
        return new EngineStages(engine, request, context.only(this::earlierStagesRead), stages, log);
    }

    /**
     * Loads {@code image}, just assembled, into {@code engine} with every tag, sending only the layers the engine
     * lacks.
     *
     * @return the image's id
     * @throws CannotAssemble when the engine no longer has the base image's layers
     */
    public String load(Engine engine, AssembledImage image, EngineLog log)
            throws EngineException, IOException, CannotAssemble {
        try {
            String previous = request.tags().isEmpty()
                    ? null
                    : engine.imageIdOrNull(request.tags().get(0));
            List<String> diffIds = ImageConfig.onBase(image.config()).diffIds();
            int known = knownLayers(engine, diffIds);
            if (known < baseLayers) {
                throw new CannotAssemble("the engine no longer has the layers of the base image "
                        + dockerfile.finalStage().baseName());
            }
            Path archive = request.workDirectory().resolve(ARCHIVE);
            temporary.add(archive);
            long bytes = DockerArchive.write(archive, image.config(), diffIds, written, known, request.tags(), time);
            log.info("Assembled the final stage: " + layerCounts() + ", "
                    + (diffIds.size() - known) + " sent to the engine (" + ByteSize.format(bytes)
                    + "), image " + image.id().substring(7, 19));
            try (InputStream in = Files.newInputStream(archive)) {
                engine.load(in);
            }
            engine.pruneReplaced(previous, image.id());
            return image.id();
        } finally {
            cleanUp(log);
        }
    }

    /**
     * Makes the earlier stages with {@code source}, assembles the final one and records it in the work directory
     * ({@link AssembledImage}), for a registry or an archive; loads it nowhere.
     *
     * @throws CannotAssemble     when something met on the way cannot be assembled (said in the message)
     * @throws ImageBuildException when a stage fails or a {@code COPY} source does not exist
     */
    public AssembledImage assemble(StageSource source, EngineLog log)
            throws EngineException, IOException, CannotAssemble {
        try {
            Stage last = dockerfile.finalStage();
            ImageConfig config = base(source, last);
            if (config.hasOnBuild()) {
                throw new CannotAssemble("the base image " + last.baseName() + " has ONBUILD triggers");
            }
            List<Layer.Written> layers = new ArrayList<>();
            for (Instruction instruction : last.instructions()) {
                if (!instruction.is("FROM")) {
                    apply(source, instruction, config, layers);
                }
            }
            Map<String, String> labels = new TreeMap<>(request.labels());
            if (appendix != null) {
                append(config, layers);
                labels.put(appendix.label(), appendix.path());
            }
            labels.put(Engine.MANAGED_LABEL, "true");
            labels.forEach(config::label);
            config.step("LABEL " + String.join(" ", labels.keySet()), time);
            byte[] json = config.toJson(time);
            written = layers;
            AssembledImage image = new AssembledImage(json, registryBase(last), baseLayers, files(layers));
            image.write(request.workDirectory());
            cache.prune();
            return image;
        } finally {
            cleanUp(log);
        }
    }

    /**
     * The size of every layer of the image, lowest first (a base layer whose size an older cache entry did not
     * record counts 0).
     */
    public List<Long> layerSizes() {
        List<Long> sizes = new ArrayList<>(baseLayerSizes);
        while (sizes.size() < baseLayers) {
            sizes.add(0L);
        }
        written.forEach(w -> sizes.add(w.size()));
        return sizes;
    }

    /** How many layers the last assembly wrote anew, and how many it took unchanged from the one before. */
    public String layerCounts() {
        return (written.size() - reused) + " layers written, " + reused + " unchanged";
    }

    /** The base image a registry holds, or {@code null} for {@code scratch} and an earlier stage. */
    private static String registryBase(Stage last) {
        return last.baseStage() != null || last.baseImage().isScratch() ? null : last.baseName();
    }

    private static List<AssembledImage.LayerFile> files(List<Layer.Written> layers) {
        return layers.stream()
                .map(l -> new AssembledImage.LayerFile(l.diffId(), l.file(), l.size()))
                .toList();
    }

    /** Bytes read from the context and from the earlier stages' containers. */
    public long readBytes() {
        return readBytes;
    }

    private ImageConfig base(StageSource source, Stage last) throws EngineException, IOException, CannotAssemble {
        String base;
        if (last.baseStage() != null) {
            base = source.stage(last.baseStage().name());
        } else {
            ImageRef ref = last.baseImage();
            if (ref.isScratch()) {
                return ImageConfig.scratch(source.platform());
            }
            base = last.baseName();
            String why = source.unavailable(base);
            if (why != null) {
                throw new CannotAssemble(why);
            }
        }
        baseReference = base;
        String baseId = source.imageId(base);
        LayerCache.Base known = baseId == null || request.noCache() ? null : cache.base(baseId);
        if (known != null) { // read from the engine's save of the same image id in an earlier build
            ImageConfig config = ImageConfig.onBase(known.config());
            baseLayers = config.diffIds().size();
            baseLayerSizes.addAll(known.layerSizes());
            tree.apply(known.paths());
            return config;
        }
        Path saved = request.workDirectory().resolve("base-image.tar");
        temporary.add(saved);
        Files.createDirectories(saved.getParent());
        try (var out = Files.newOutputStream(saved)) {
            source.save(base, out);
        }
        try (TarFile tar = new TarFile(saved.toFile())) {
            Map<String, TarArchiveEntry> entries = new TreeMap<>();
            tar.getEntries().forEach(e -> entries.put(Paths.clean(e.getName()), e));
            TarArchiveEntry manifestEntry = entries.get("manifest.json");
            if (manifestEntry == null) {
                throw new EngineException("The engine's archive of " + base + " has no manifest.json");
            }
            var manifest = new com.fasterxml.jackson.databind.ObjectMapper()
                    .readTree(tar.getInputStream(manifestEntry).readAllBytes())
                    .get(0);
            TarArchiveEntry configEntry =
                    entries.get(Paths.clean(manifest.get("Config").asText()));
            ImageConfig config =
                    ImageConfig.onBase(tar.getInputStream(configEntry).readAllBytes());
            baseLayers = config.diffIds().size();
            for (var layer : manifest.get("Layers")) {
                baseLayerSizes.add(entries.get(Paths.clean(layer.asText())).getSize());
                try (InputStream in = tar.getInputStream(entries.get(Paths.clean(layer.asText())))) {
                    tree.apply(in);
                }
            }
            if (baseId != null) {
                cache.putBase(baseId, tar.getInputStream(configEntry).readAllBytes(), tree.paths(), baseLayerSizes);
            }
            return config;
        }
    }

    private void apply(StageSource source, Instruction instruction, ImageConfig config, List<Layer.Written> layers)
            throws EngineException, IOException, CannotAssemble {
        String keyword = instruction.keyword();
        String text = instruction.expanded().strip();
        String createdBy =
                keyword + " " + flags(instruction) + instruction.arguments().strip();
        switch (keyword) {
            case "COPY" -> {
                String key = copyKey(source, instruction, config);
                if (!reused(key, config, layers, createdBy)) {
                    cached(key, copy(source, instruction, config.workingDir()), config, layers, createdBy);
                }
                return;
            }
            case "WORKDIR" -> {
                String directory = Paths.clean(absolute(text, config.workingDir()));
                config.workingDir("/" + directory);
                if (!tree.exists(directory)) {
                    Layer layer = new Layer();
                    mkdirs(layer, directory, 0, 0);
                    addLayer(layer, config, layers, createdBy);
                    return;
                }
            }
            case "ENV" -> pairs(instruction, text).forEach(config::env);
            case "LABEL" -> pairs(instruction, text).forEach(config::label);
            case "USER" -> config.user(text);
            case "STOPSIGNAL" -> config.stopSignal(text);
            case "EXPOSE" -> {
                for (String port : ShellWords.split(text, dockerfile.escape())) {
                    config.expose(port.contains("/") ? port.toLowerCase(java.util.Locale.ROOT) : port + "/tcp");
                }
            }
            case "VOLUME" -> {
                List<String> volumes =
                        text.startsWith("[") ? ShellWords.jsonArray(text) : ShellWords.split(text, dockerfile.escape());
                volumes.forEach(config::volume);
            }
            case "ENTRYPOINT" -> config.entrypoint(command(instruction, text));
            case "CMD" -> config.cmd(command(instruction, text));
            case "HEALTHCHECK" -> healthcheck(instruction, text, config);
            default -> {
                // ARG: only its value matters, and the parser substituted it
            }
        }
        config.step(createdBy, time);
    }

    /**
     * What a {@code COPY}'s layer depends on: the instruction, the working directory and the layers below it (they
     * decide which parent directories it creates), and what it copies: every context file's path, mode and content
     * digest, or the earlier stage's image id.
     */
    private String copyKey(StageSource stages, Instruction copy, ImageConfig config)
            throws EngineException, IOException {
        java.security.MessageDigest digest = Sha256.digest();
        java.util.function.Consumer<String> add = text -> {
            digest.update(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            digest.update((byte) 0);
        };
        add.accept("dockyard-copy-1");
        add.accept(flags(copy) + String.join(" ", words(dockerfile, copy)));
        add.accept(config.workingDir());
        config.diffIds().forEach(add);
        String from = copy.flag("from");
        List<String> words = words(dockerfile, copy);
        for (String source : words.subList(0, Math.max(0, words.size() - 1))) {
            if (from != null) {
                add.accept(stages.stage(dockerfile.stage(from).name()));
                continue;
            }
            String path = Paths.clean(source);
            String prefix = path.isEmpty() ? "" : path + "/";
            for (String sent : context.paths()) {
                if (sent.equals(path) || sent.startsWith(prefix)) {
                    Path file = context.file(sent);
                    add.accept(sent);
                    add.accept(Integer.toOctalString(BuildContext.mode(file)));
                    add.accept(Sha256.hex(file));
                }
            }
        }
        return Sha256.hex(digest);
    }

    /**
     * The appendix's layer: its content from the files it reads in the layers written so far (a later layer's file
     * replaces an earlier one's), taken from the last assembly when the same.
     */
    private void append(ImageConfig config, List<Layer.Written> layers) throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        for (Layer.Written written : layers) {
            try (InputStream in = Files.newInputStream(written.file());
                    TarArchiveInputStream tar = new TarArchiveInputStream(new java.io.BufferedInputStream(in))) {
                Map<String, byte[]> inLayer = new java.util.HashMap<>();
                TarArchiveEntry entry;
                while ((entry = tar.getNextEntry()) != null) {
                    String path = Paths.clean(entry.getName());
                    if (!Appendix.reads(appendix.reads(), path)) {
                        continue;
                    }
                    if (entry.isLink()) { // a hard link to a file of the same layer
                        byte[] linked = inLayer.get(Paths.clean(entry.getLinkName()));
                        if (linked != null) {
                            files.put(path, linked);
                        }
                    } else if (entry.isFile() && !entry.isSymbolicLink()) {
                        byte[] bytes = tar.readAllBytes();
                        inLayer.put(path, bytes);
                        files.put(path, bytes);
                    }
                }
            }
        }
        byte[] content = appendix.content(files);
        String path = Paths.clean(appendix.path());
        String createdBy = "COPY " + Paths.name(path) + " " + appendix.path();
        java.security.MessageDigest digest = Sha256.digest();
        digest.update(("dockyard-appendix-1\0" + createdBy + "\0" + String.join("\0", config.diffIds()) + "\0")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        digest.update(content);
        String key = Sha256.hex(digest);
        if (!reused(key, config, layers, createdBy)) {
            Layer layer = new Layer();
            mkdirs(layer, Paths.parent(path), 0, 0);
            layer.put(path, new Node(Node.FILE, 0644, 0, 0, null, Node.Content.of(content)));
            cached(key, layer, config, layers, createdBy);
        }
    }

    /** Takes the layer of {@code key} from the last assembly, unless {@code image.noCache}: {@code false} if none. */
    private boolean reused(String key, ImageConfig config, List<Layer.Written> layers, String createdBy)
            throws IOException {
        LayerCache.Hit hit = request.noCache() ? null : cache.get(key); // image.noCache: every layer anew
        if (hit == null) {
            return false;
        }
        tree.apply(hit.paths());
        layers.add(hit.written());
        config.layer(hit.written().diffId(), createdBy, time);
        reused++;
        return true;
    }

    /** Writes {@code layer} as the layer of {@code key}, kept for the next assembly. */
    private void cached(String key, Layer layer, ImageConfig config, List<Layer.Written> layers, String createdBy)
            throws IOException {
        tree.apply(layer);
        Layer.Written written = layer.write(cache.file(key), time);
        cache.put(key, layer, written);
        layers.add(written);
        config.layer(written.diffId(), createdBy, time);
    }

    private void addLayer(Layer layer, ImageConfig config, List<Layer.Written> layers, String createdBy)
            throws IOException {
        tree.apply(layer);
        // kept with the COPY layers, so that image:push finds every layer of the image
        String key = Sha256.hex("dockyard-layer-1\0" + createdBy + "\0" + String.join(",", config.diffIds()));
        Layer.Written written = layer.write(cache.file(key), time);
        cache.put(key, layer, written);
        layers.add(written);
        config.layer(written.diffId(), createdBy, time);
    }

    // --- COPY, as the engine's classic builder does it ---

    private Layer copy(StageSource stageSource, Instruction copy, String workingDir)
            throws EngineException, IOException, CannotAssemble {
        List<String> words = words(dockerfile, copy);
        if (words.size() < 2) {
            throw new ImageBuildException(
                    "COPY at line " + copy.line() + " of the Dockerfile needs a source and a" + " destination");
        }
        String dest = words.get(words.size() - 1);
        List<String> sources = words.subList(0, words.size() - 1);
        if (sources.size() > 1 && !dest.endsWith("/")) {
            throw new ImageBuildException("COPY at line " + copy.line() + ": when using COPY with more than one"
                    + " source file, the destination must be a directory and end with a /");
        }
        boolean intoDirectory = dest.endsWith("/") || sources.size() > 1;
        String target = Paths.clean(absolute(dest, workingDir));
        int[] owner = owner(copy.flag("chown"));
        String from = copy.flag("from");
        Layer layer = new Layer();
        for (String source : sources) {
            Source read = from == null ? contextSource(copy, source) : stageSource(stageSource, copy, from, source);
            if (read.root().isDirectory()) {
                copyDirectory(layer, read.children(), target, owner);
            } else {
                String file = intoDirectory || isDirectory(layer, target)
                        ? Paths.child(target, Paths.name(Paths.clean(source)))
                        : target;
                int[] parents = owner != null ? owner : new int[] {0, 0};
                mkdirs(layer, Paths.parent(file), parents[0], parents[1]);
                layer.put(file, owned(read.root(), owner));
            }
        }
        return layer;
    }

    /** A directory's contents go below {@code target}, created (with its parents) as root when missing. */
    private void copyDirectory(Layer layer, Map<String, Node> children, String target, int[] owner)
            throws ImageBuildException {
        if (!isDirectory(layer, target)) {
            if (exists(layer, target)) {
                throw new ImageBuildException("COPY: /" + target + " exists in the image and is not a directory");
            }
            mkdirs(layer, Paths.parent(target), 0, 0);
            layer.put(target, owned(Node.directory(0755, 0, 0), owner));
        }
        children.forEach((path, node) -> layer.put(Paths.child(target, path), owned(node, owner)));
    }

    private void mkdirs(Layer layer, String directory, int uid, int gid) {
        if (directory.isEmpty() || exists(layer, directory)) {
            return;
        }
        mkdirs(layer, Paths.parent(directory), uid, gid);
        layer.put(directory, Node.directory(0755, uid, gid));
    }

    private boolean exists(Layer layer, String path) {
        return layer.get(path) != null || tree.exists(path);
    }

    private boolean isDirectory(Layer layer, String path) {
        Node node = layer.get(path);
        return node != null ? node.isDirectory() : tree.isDirectory(path);
    }

    private static Node owned(Node node, int[] owner) {
        return owner == null ? node : node.ownedBy(owner[0], owner[1]);
    }

    /** {@code uid[:gid]}: a user without a group gets the group of the same number, as the engine does. */
    private static int[] owner(String chown) {
        if (chown == null) {
            return null;
        }
        String[] parts = chown.split(":");
        int uid = Integer.parseInt(parts[0]);
        return new int[] {uid, parts.length > 1 ? Integer.parseInt(parts[1]) : uid};
    }

    /** What a {@code COPY} source is: its own entry and, for a directory, its contents by relative path. */
    private record Source(Node root, Map<String, Node> children) {}

    private Source contextSource(Instruction copy, String source) throws IOException, ImageBuildException {
        String path = Paths.clean(source);
        Path file = path.isEmpty() ? null : context.file(path);
        if (file != null) {
            readBytes += Files.size(file);
            return new Source(contextFile(file), Map.of());
        }
        Map<String, Node> children = new TreeMap<>();
        String prefix = path.isEmpty() ? "" : path + "/";
        for (String sent : context.paths()) {
            if (!sent.startsWith(prefix)) {
                continue;
            }
            String relative = sent.substring(prefix.length());
            for (String parent = Paths.parent(relative); !parent.isEmpty(); parent = Paths.parent(parent)) {
                children.putIfAbsent(parent, Node.directory(0755, 0, 0)); // as the engine unpacks the context
            }
            Path child = context.file(sent);
            readBytes += Files.size(child);
            children.put(relative, contextFile(child));
        }
        if (children.isEmpty()) {
            throw new ImageBuildException("COPY at line " + copy.line() + " of the Dockerfile: " + source
                    + " is not in the build context " + context.directory()
                    + " (or its .dockerignore excludes it)");
        }
        return new Source(Node.directory(0755, 0, 0), children);
    }

    private static Node contextFile(Path file) throws IOException {
        return new Node(Node.FILE, BuildContext.mode(file), 0, 0, null, Node.Content.of(file));
    }

    private Source stageSource(StageSource stages, Instruction copy, String stage, String source)
            throws EngineException, IOException, CannotAssemble {
        String image = stages.stage(dockerfile.stage(stage).name());
        String path = "/" + Paths.clean(source);
        Node root = null;
        String rootName = null;
        Map<String, Node> children = new TreeMap<>();
        Map<String, Node.Content> contents = new TreeMap<>();
        try (InputStream in = stages.archive(image, path);
                TarArchiveInputStream tar = new TarArchiveInputStream(in)) {
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                String name = Paths.clean(entry.getName());
                String relative;
                if (rootName == null) {
                    rootName = name;
                    relative = "";
                } else if (name.startsWith(rootName + "/")) {
                    relative = name.substring(rootName.length() + 1);
                } else {
                    continue;
                }
                int mode = entry.getMode();
                Node node;
                if (entry.isDirectory()) {
                    node = Node.directory(mode, (int) entry.getLongUserId(), (int) entry.getLongGroupId());
                } else if (entry.isSymbolicLink()) {
                    node = new Node(
                            Node.SYMLINK,
                            mode,
                            (int) entry.getLongUserId(),
                            (int) entry.getLongGroupId(),
                            entry.getLinkName(),
                            null);
                } else if (entry.isLink()) {
                    String linked = Paths.clean(entry.getLinkName());
                    Node.Content content = contents.get(
                            linked.startsWith(rootName + "/") ? linked.substring(rootName.length() + 1) : linked);
                    if (content == null) {
                        throw new CannotAssemble("COPY --from=" + stage + " at line " + copy.line() + " copies a"
                                + " hard link to " + entry.getLinkName() + ", which lies outside " + path);
                    }
                    node = new Node(
                            Node.FILE, mode, (int) entry.getLongUserId(), (int) entry.getLongGroupId(), null, content);
                } else if (entry.isFile()) {
                    byte[] bytes = tar.readAllBytes();
                    readBytes += bytes.length;
                    Node.Content content = Node.Content.of(bytes);
                    contents.put(relative, content);
                    node = new Node(
                            Node.FILE, mode, (int) entry.getLongUserId(), (int) entry.getLongGroupId(), null, content);
                } else {
                    throw new CannotAssemble("COPY --from=" + stage + " at line " + copy.line() + " copies "
                            + entry.getName() + ", a special file");
                }
                if (relative.isEmpty()) {
                    root = node;
                } else {
                    children.put(relative, node);
                }
            }
        }
        if (root == null) {
            throw new ImageBuildException("COPY --from=" + stage + " at line " + copy.line() + " of the Dockerfile: "
                    + path + " does not exist in stage " + stage);
        }
        if (root.type() == Node.SYMLINK) {
            throw new CannotAssemble(
                    "COPY --from=" + stage + " at line " + copy.line() + " copies the symbolic link " + path);
        }
        return new Source(root, children);
    }

    /** Whether an earlier stage may read this context file: the Dockerfile, .dockerignore, and what they copy. */
    private boolean earlierStagesRead(String path) {
        if (path.equals(request.dockerfile()) || path.equals(".dockerignore")) {
            return true;
        }
        for (Stage stage : dockerfile.stages()) {
            if (stage == dockerfile.finalStage()) {
                continue;
            }
            for (Instruction instruction : stage.instructions()) {
                boolean reads = (instruction.is("COPY") || instruction.is("ADD")) && instruction.flag("from") == null;
                if (!reads) {
                    continue;
                }
                List<String> words = words(dockerfile, instruction);
                for (String source : words.subList(0, Math.max(0, words.size() - 1))) {
                    String cleaned = Paths.clean(source);
                    if (WILDCARD.matcher(source).find()
                            || cleaned.isEmpty()
                            || path.equals(cleaned)
                            || path.startsWith(cleaned + "/")) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** How many of {@code diffIds}, from the lowest, the engine already has: the base's, or the last build's. */
    private int knownLayers(Engine engine, List<String> diffIds) throws EngineException {
        List<String> candidates = new ArrayList<>(request.tags());
        if (baseReference != null) {
            candidates.add(baseReference);
        }
        int known = 0;
        for (String candidate : candidates) {
            List<String> have = engine.diffIds(candidate);
            int common = 0;
            while (common < have.size()
                    && common < diffIds.size()
                    && have.get(common).equals(diffIds.get(common))) {
                common++;
            }
            known = Math.max(known, common);
        }
        return known;
    }

    private void cleanUp(EngineLog log) {
        for (Path file : temporary) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                log.debug("Could not delete " + file + ": " + e.getMessage());
            }
        }
    }

    // --- the words of instructions ---

    private static List<String> words(Dockerfile dockerfile, Instruction instruction) {
        return instruction.isExecForm()
                ? instruction.json()
                : ShellWords.split(instruction.expanded(), dockerfile.escape());
    }

    private static String flags(Instruction instruction) {
        StringBuilder flags = new StringBuilder();
        for (Flag flag : instruction.flags()) {
            flags.append(flag).append(' ');
        }
        return flags.toString();
    }

    private static String absolute(String path, String workingDir) {
        return path.startsWith("/") ? path : (workingDir.isEmpty() ? "/" : workingDir) + "/" + path;
    }

    /** {@code ENV}/{@code LABEL}: {@code name=value ...}, or the old {@code name value} form of one pair. */
    private Map<String, String> pairs(Instruction instruction, String text) throws ImageBuildException {
        Map<String, String> pairs = new LinkedHashMap<>();
        List<String> words = ShellWords.split(text, dockerfile.escape());
        if (!words.isEmpty() && !words.get(0).contains("=")) {
            String[] split = text.split("\\s+", 2);
            pairs.put(split[0], split.length > 1 ? unquote(split[1]) : "");
            return pairs;
        }
        for (String word : words) {
            int equals = word.indexOf('=');
            if (equals <= 0) {
                throw new ImageBuildException(instruction.keyword() + " at line " + instruction.line()
                        + " of the Dockerfile: '" + word + "' is not name=value");
            }
            pairs.put(word.substring(0, equals), word.substring(equals + 1));
        }
        return pairs;
    }

    private String unquote(String value) {
        List<String> words = ShellWords.split(value, dockerfile.escape());
        return words.size() == 1 ? words.get(0) : value.strip();
    }

    private static List<String> command(Instruction instruction, String text) {
        if (instruction.isExecForm()) {
            return instruction.json();
        }
        return List.of("/bin/sh", "-c", text);
    }

    private void healthcheck(Instruction instruction, String text, ImageConfig config) throws ImageBuildException {
        String[] split = text.split("\\s+", 2);
        String kind = split[0].toUpperCase(java.util.Locale.ROOT);
        if (kind.equals("NONE")) {
            config.healthcheck(List.of("NONE"), 0, 0, 0, 0);
            return;
        }
        String command = split.length > 1 ? split[1].strip() : "";
        List<String> test = new ArrayList<>();
        if (command.startsWith("[")) {
            test.add("CMD");
            test.addAll(ShellWords.jsonArray(command));
        } else {
            test.add("CMD-SHELL");
            test.add(command);
        }
        try {
            config.healthcheck(
                    test,
                    nanos(instruction.flag("interval")),
                    nanos(instruction.flag("timeout")),
                    nanos(instruction.flag("start-period")),
                    instruction.flag("retries") == null ? 0 : Integer.parseInt(instruction.flag("retries")));
        } catch (UserFixableException | NumberFormatException e) {
            throw new ImageBuildException(
                    "HEALTHCHECK at line " + instruction.line() + " of the Dockerfile: " + e.getMessage());
        }
    }

    private static long nanos(String duration) throws UserFixableException {
        return duration == null ? 0 : DurationText.parse(duration).toNanos();
    }
}
