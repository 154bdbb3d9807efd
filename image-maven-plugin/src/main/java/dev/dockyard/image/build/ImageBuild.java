package dev.dockyard.image.build;

import static dev.dockyard.image.support.CoreException.mention;

import dev.dockyard.image.dockerfile.BaseImages;
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
import java.util.List;

/**
 * The image-build use case ({@code image:build}): the staged context scanned as the engine will be sent it, the
 * build, the inspection of the built image, the id file later goals read, and {@code image.json}. Prepared without
 * an engine (a missing Dockerfile is reported before connecting), run on one.
 */
public final class ImageBuild {

    private final BuildRequest request;
    private final BuildContext files;
    private final BuiltImage record;
    private final Path baseDirectory;

    private ImageBuild(BuildRequest request, BuildContext files, BuiltImage record, Path baseDirectory) {
        this.request = request;
        this.files = files;
        this.record = record;
        this.baseDirectory = baseDirectory;
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
        Path context = request.context();
        if (!Files.isRegularFile(context.resolve(request.dockerfile()))) {
            throw new ImageBuildException("No " + request.dockerfile() + " in " + baseDirectory.relativize(context)
                    + ": run image:dockerfile before image:build (declare the goals in that order in the same phase,"
                    + " or run mvn package).");
        }
        return new ImageBuild(request, BuildContext.scan(context, request.dockerfile()), record, baseDirectory);
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
        log.info("Building image " + request.tags().get(0) + " on "
                + engine.address().host() + " (engine " + engine.version() + ", pull " + request.pull() + ")");
        log.info("Sending build context " + relative(request.context()) + ": "
                + files.paths().size() + " files, " + ByteSize.format(files.bytes()));
        if (request.pull() == PullPolicy.NEVER) {
            requireLocal(engine);
        }
        BuildResult result = engine.build(request, files);
        ImageDetails image = engine.inspect(result.imageId());
        record.recordBuild(image);
        log.info("Built image " + image.shortId() + " (" + ByteSize.format(image.size()) + ", "
                + image.layers().size() + " steps), tagged " + String.join(", ", result.tags()));
        log.info("Wrote " + relative(record.idFile()) + " and " + relative(record.json()));
        return new ImageBuildResult(result, image, record);
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
            throw new ImageBuildException(e.getMessage());
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
