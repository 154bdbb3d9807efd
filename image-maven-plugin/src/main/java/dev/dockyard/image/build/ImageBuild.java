package dev.dockyard.image.build;

import static dev.dockyard.image.support.CoreException.mention;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dockyard.image.assemble.AssembledImage;
import dev.dockyard.image.assemble.Assembly;
import dev.dockyard.image.assemble.CannotAssemble;
import dev.dockyard.image.assemble.ImageAssembler;
import dev.dockyard.image.assemble.PlatformImages;
import dev.dockyard.image.assemble.StageSource;
import dev.dockyard.image.dockerfile.BaseImages;
import dev.dockyard.image.dockerfile.Dockerfile;
import dev.dockyard.image.dockerfile.DockerfileParser;
import dev.dockyard.image.dockerfile.DockerfileSyntaxException;
import dev.dockyard.image.engine.BuildContext;
import dev.dockyard.image.engine.BuildRequest;
import dev.dockyard.image.engine.BuildResult;
import dev.dockyard.image.engine.Engine;
import dev.dockyard.image.engine.EngineException;
import dev.dockyard.image.engine.EngineLog;
import dev.dockyard.image.engine.ImageBuildException;
import dev.dockyard.image.engine.PullPolicy;
import dev.dockyard.image.model.ImageDetails;
import dev.dockyard.image.support.ByteSize;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The image-build use case ({@code image:build}): the staged context scanned as the engine will be sent it, the
 * build, the inspection of the built image, the id file later goals read, and {@code image.json}. Prepared without
 * an engine (a missing Dockerfile is reported before connecting), run on one.
 */
public final class ImageBuild {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final BuildRequest request;
    private final BuildContext files;
    private final BuiltImage record;
    private final Path baseDirectory;
    private final Assembly assembly;
    private final Dockerfile dockerfile;
    private final String unassembled;
    private ImageSbom sbom;

    private ImageBuild(
            BuildRequest request,
            BuildContext files,
            BuiltImage record,
            Path baseDirectory,
            Assembly assembly,
            Dockerfile dockerfile) {
        this.request = request;
        this.files = files;
        this.record = record;
        this.baseDirectory = baseDirectory;
        this.assembly = assembly;
        this.dockerfile = dockerfile;
        this.unassembled = dockerfile == null ? null : ImageAssembler.unsupported(dockerfile);
    }

    /**
     * Checks that the context holds the Dockerfile and scans it.
     *
     * @param request          what to build
     * @param record           where the built image's id and {@code image.json} are written
     * @param baseDirectory    the module directory, which log lines name paths relative to
     * @throws ImageBuildException when the context has no Dockerfile
     * @throws IOException         when the context cannot be read
     */
    public static ImageBuild prepare(BuildRequest request, BuiltImage record, Path baseDirectory)
            throws ImageBuildException, IOException {
        return prepare(request, record, baseDirectory, Assembly.engine());
    }

    /**
     * As {@link #prepare(BuildRequest, BuiltImage, Path)}, assembling the final stage when {@code assembly} allows
     * it and the stage holds only what the assembler takes.
     *
     * @throws ImageBuildException also when the Dockerfile cannot be parsed
     */
    public static ImageBuild prepare(BuildRequest request, BuiltImage record, Path baseDirectory, Assembly assembly)
            throws ImageBuildException, IOException {
        Path context = request.context();
        if (!Files.isRegularFile(context.resolve(request.dockerfile()))) {
            throw new ImageBuildException("No " + request.dockerfile() + " in " + baseDirectory.relativize(context)
                    + ": run image:dockerfile before image:build (declare the goals in that order in the same phase,"
                    + " or run mvn package).");
        }
        Dockerfile dockerfile = null;
        if (assembly.enabled()) {
            Path file = context.resolve(request.dockerfile());
            try {
                String shown = baseDirectory.relativize(file).toString();
                dockerfile = DockerfileParser.parse(shown, DockerfileParser.read(file, shown), request.buildArgs());
            } catch (DockerfileSyntaxException e) {
                throw new ImageBuildException(e.markedMessage());
            }
        }
        return new ImageBuild(
                request, BuildContext.scan(context, request.dockerfile()), record, baseDirectory, assembly, dockerfile);
    }

    /**
     * Puts {@code document} into the image, in a last layer of its own, its path in a label, whoever builds the final
     * stage.
     *
     * @return this build
     */
    public ImageBuild withSbom(ImageSbom document) {
        this.sbom = document;
        return this;
    }

    /** The files the engine will be sent. */
    public BuildContext files() {
        return files;
    }

    /**
     * Builds on {@code engine}, inspects the image, writes the id file and {@code image.json}; tells {@code log}
     * what it sends where, and what it built.
     *
     * @throws EngineException when the engine fails or the build does
     * @throws IOException     when the context cannot be read or a file written
     */
    public ImageBuildResult run(Engine engine, EngineLog log) throws EngineException, IOException {
        PlatformImages.forget(request.workDirectory());
        log.info("Building image " + request.tags().get(0) + " on "
                + engine.address().host() + " (engine " + engine.version() + ", pull " + request.pull() + ")");
        if (request.pull() == PullPolicy.NEVER) {
            requireLocal(engine);
        }
        if (sbom != null && assembly.enabled()) {
            sbom.resolveBase(engine); // the assembler builds on the engine's copy of the base, as it is now
        }
        BuildResult result = assembled(engine, log);
        if (result == null) {
            log.info("Sending build context " + relative(request.context()) + ": "
                    + files.paths().size() + " files, " + ByteSize.format(files.bytes()));
            if (assembly.stages() == null) {
                result = engine.build(request, files);
            } else {
                synchronized (assembly.stages()) { // one runtime for the reactor: built once, then from the cache
                    result = engine.build(request, files);
                }
            }
            if (sbom != null) {
                BuildResult withSbom = sbom.appendOnEngine(engine, request, result.imageId());
                result = new BuildResult(
                        withSbom.imageId(), withSbom.tags(), result.contextFiles(), result.contextBytes());
            }
        }
        if (sbom != null) {
            log.info(sbom.record(request.context().resolve(request.dockerfile()), baseDirectory));
        }
        ImageDetails image = engine.inspect(result.imageId());
        record.recordBuild(image);
        log.info("Built image " + image.shortId() + " (" + ByteSize.format(image.size()) + ", "
                + image.layers().size() + " steps), tagged " + String.join(", ", result.tags()));
        log.info("Wrote " + relative(record.idFile()) + " and " + relative(record.json()));
        return new ImageBuildResult(result, image, record);
    }

    /** The engine as the source of the earlier stages, for {@link #runWith}. */
    public StageSource engineStages(Engine engine, EngineLog log) {
        return new ImageAssembler(request, files, dockerfile, assembly.time(), assembly.stages())
                .engineStages(engine, log);
    }

    /**
     * Builds with {@code source} making the earlier stages (this machine, or an engine), the final stage assembled;
     * loads the image into {@code engine} when one is given, else only records it (for a registry or an archive):
     * {@code image.json} then comes from the image's configuration.
     *
     * @param where what makes the earlier stages, for the log ({@code this machine})
     * @throws ImageBuildException when the final stage cannot be assembled (no engine builds it instead)
     */
    public AssembledImage runWith(StageSource source, Engine engine, EngineLog log, String where)
            throws EngineException, IOException {
        String reason = !assembly.enabled() ? mention("assembler") + "=engine" : unassembled;
        if (reason != null) {
            throw new ImageBuildException("Without the engine's build, Dockyard assembles the final stage, and it"
                    + " cannot: " + reason + ". Use " + mention("builder") + "=engine and " + mention("buildTo")
                    + "=engine.");
        }
        log.info("Building image " + request.tags().get(0) + " with the earlier stages made on " + where
                + (engine == null
                        ? ", loaded into no engine"
                        : ", loaded into " + engine.address().host()));
        PlatformImages.forget(request.workDirectory());
        ImageAssembler assembler =
                new ImageAssembler(request, files, dockerfile, assembly.time(), assembly.stages()).withAppendix(sbom);
        AssembledImage image;
        try {
            if (sbom != null) {
                if (engine != null) {
                    sbom.resolveBase(engine);
                }
                sbom.resolveBase(source);
            }
            image = assembler.assemble(source, log);
            if (engine != null) {
                assembler.load(engine, image, log);
            }
        } catch (CannotAssemble e) {
            throw new ImageBuildException("Dockyard cannot assemble the final stage: " + e.getMessage() + ". Use "
                    + mention("builder") + "=engine and " + mention("buildTo") + "=engine.");
        } finally {
            source.cleanUp(log);
        }
        if (sbom != null) {
            log.info(sbom.record(request.context().resolve(request.dockerfile()), baseDirectory));
        }
        ImageDetails details;
        if (engine != null) {
            details = engine.inspect(image.id());
        } else {
            details = ImageDetails.fromConfig(
                    image.id(), request.tags(), JSON.readTree(image.config()), assembler.layerSizes());
            log.info("Assembled image " + details.shortId() + " (" + ByteSize.format(details.size()) + ", "
                    + assembler.layerCounts() + "), tagged " + String.join(", ", request.tags())
                    + " in no engine");
        }
        record.recordBuild(details);
        if (engine != null) {
            log.info("Built image " + details.shortId() + " (" + ByteSize.format(details.size()) + ", "
                    + details.layers().size() + " steps), tagged " + String.join(", ", request.tags()));
        }
        log.info("Wrote " + relative(record.idFile()) + " and " + relative(record.json()));
        return image;
    }

    /**
     * Builds one image per platform ({@code image.platforms}), each with its own source of the earlier stages and its
     * own SBOM, the final stages assembled from the same context (so the application layers are the same blobs);
     * records them for push, save and verify, and loads the one of {@code enginePlatform} into {@code engine} when
     * one is given. The id file and {@code image.json} describe that one (else the first), {@code image.json} lists
     * every platform's image and size.
     *
     * @param sources the sources by platform, in the order the images are listed
     * @param sboms   each platform's SBOM (none for a platform this map lacks)
     * @throws ImageBuildException when the final stage cannot be assembled
     */
    public PlatformImages runPlatforms(
            Map<String, StageSource> sources,
            Map<String, ImageSbom> sboms,
            Engine engine,
            String enginePlatform,
            EngineLog log)
            throws EngineException, IOException {
        String reason = !assembly.enabled() ? mention("assembler") + "=engine" : unassembled;
        if (reason != null) {
            throw new ImageBuildException("An image for several platforms (" + mention("platforms") + ") has its"
                    + " final stage assembled by Dockyard, and it cannot: " + reason + ".");
        }
        Map<String, AssembledImage> images = new LinkedHashMap<>();
        Map<String, ImageDetails> details = new LinkedHashMap<>();
        String loaded = null;
        for (Map.Entry<String, StageSource> entry : sources.entrySet()) {
            String platform = entry.getKey();
            StageSource source = entry.getValue();
            ImageSbom document = sboms.get(platform);
            BuildRequest own = new BuildRequest(
                    request.context(),
                    request.dockerfile(),
                    request.tags(),
                    request.buildArgs(),
                    request.labels(),
                    request.pull(),
                    PlatformImages.directory(request.workDirectory(), platform),
                    request.noCache());
            ImageAssembler assembler = new ImageAssembler(own, files, dockerfile, assembly.time(), assembly.stages())
                    .withAppendix(document);
            AssembledImage image;
            try {
                if (document != null) {
                    document.resolveBase(source);
                }
                image = assembler.assemble(source, log);
            } catch (CannotAssemble e) {
                throw new ImageBuildException(
                        "Dockyard cannot assemble the final stage for " + platform + ": " + e.getMessage() + ".");
            } finally {
                source.cleanUp(log);
            }
            ImageDetails described = ImageDetails.fromConfig(
                    image.id(), request.tags(), JSON.readTree(image.config()), assembler.layerSizes());
            log.info("Assembled the " + platform + " image " + described.shortId() + " ("
                    + ByteSize.format(described.size()) + ", " + assembler.layerCounts() + ")");
            if (document != null) {
                log.info(document.record(request.context().resolve(request.dockerfile()), baseDirectory));
            }
            if (engine != null && platform.equals(enginePlatform)) {
                try {
                    assembler.load(engine, image, log);
                } catch (CannotAssemble e) {
                    throw new ImageBuildException(
                            "The " + platform + " image cannot be loaded into the engine: " + e.getMessage() + ".");
                }
                described = engine.inspect(image.id());
                loaded = platform;
                log.info("Loaded the " + platform + " image into "
                        + engine.address().host() + ", tagged " + String.join(", ", request.tags()));
            }
            images.put(platform, image);
            details.put(platform, described);
        }
        if (engine != null && loaded == null) {
            log.info("No image was loaded into " + engine.address().host() + ": it runs " + enginePlatform + ", and "
                    + mention("platforms") + " names " + String.join(", ", sources.keySet()));
        }
        PlatformImages built = new PlatformImages(images);
        built.write(request.workDirectory());
        String main = loaded != null ? loaded : images.keySet().iterator().next();
        record.recordBuild(details.get(main));
        record.recordPlatforms(details);
        log.info("Built " + images.size() + " images, one per platform: "
                + details.entrySet().stream()
                        .map(e -> e.getKey() + " " + e.getValue().shortId() + " ("
                                + ByteSize.format(e.getValue().size()) + ")")
                        .collect(java.util.stream.Collectors.joining(", ")));
        log.info("Wrote " + relative(record.idFile()) + " (the " + main + " image) and " + relative(record.json()));
        return built;
    }

    /** The assembled image, or {@code null} when the engine builds the final stage (said in one line). */
    private BuildResult assembled(Engine engine, EngineLog log) throws EngineException, IOException {
        if (!assembly.enabled()) {
            return null;
        }
        String reason = unassembled;
        if (reason == null) {
            ImageAssembler assembler = new ImageAssembler(
                            request, files, dockerfile, assembly.time(), assembly.stages())
                    .withAppendix(sbom);
            try {
                String imageId = assembler.assemble(engine, log);
                return new BuildResult(imageId, request.tags(), files.paths().size(), assembler.readBytes());
            } catch (CannotAssemble e) {
                reason = e.getMessage();
            }
        }
        log.info("The engine builds the final stage, not Dockyard's assembler: " + reason);
        return null;
    }

    /** With {@code image.pull=never}, names every external base image the engine lacks before anything is sent. */
    private void requireLocal(Engine engine) throws EngineException, IOException {
        Path dockerfile = request.context().resolve(request.dockerfile());
        List<String> missing = new ArrayList<>();
        try {
            for (String image : BaseImages.ofFile(dockerfile, request.buildArgs())) {
                if (engine.imageIdOrNull(image) == null) {
                    missing.add(image);
                }
            }
        } catch (DockerfileSyntaxException e) {
            throw new ImageBuildException(e.markedMessage());
        }
        if (!missing.isEmpty()) {
            boolean one = missing.size() == 1;
            throw new ImageBuildException("Base image" + (one ? " " : "s ") + String.join(", ", missing)
                    + (one ? " is" : " are") + " not in the engine at "
                    + engine.address().host()
                    + " and " + mention("pull") + "=never: load or build " + (one ? "it" : "them")
                    + " first (docker load, docker pull), or allow pulling with -D" + mention("pull") + "=missing.");
        }
    }

    private String relative(Path path) {
        return baseDirectory.relativize(path).toString();
    }
}
