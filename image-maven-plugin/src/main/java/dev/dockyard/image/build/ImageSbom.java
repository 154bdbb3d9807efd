package dev.dockyard.image.build;

import dev.dockyard.image.assemble.Appendix;
import dev.dockyard.image.assemble.StageSource;
import dev.dockyard.image.dockerfile.ImageRef;
import dev.dockyard.image.engine.BuildContext;
import dev.dockyard.image.engine.BuildRequest;
import dev.dockyard.image.engine.BuildResult;
import dev.dockyard.image.engine.Engine;
import dev.dockyard.image.engine.EngineException;
import dev.dockyard.image.engine.PullPolicy;
import dev.dockyard.image.sbom.BaseDigest;
import dev.dockyard.image.sbom.DebianPackage;
import dev.dockyard.image.sbom.PackageRecord;
import dev.dockyard.image.sbom.SbomRequest;
import dev.dockyard.image.sbom.SbomWriter;
import dev.dockyard.image.support.Sha256;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * The SBOM {@code image:build} completes and puts into the image: {@code image:sbom}'s engine-free request (jars,
 * runtime, base image) with the digest of the base image the engine has and the Debian packages the builder stage
 * wrote to {@code /var/lib/dpkg/status.d/}, read from the image's own layers, written by the one {@link SbomWriter}.
 * It goes into the image as {@value SbomWriter#IMAGE_PATH} in a last layer of its own (labelled
 * {@value SbomWriter#LABEL}), to {@code target/image-reports/sbom.cdx.json}, and its packages and base digest to the
 * work directory for {@code image:sbom}.
 */
public final class ImageSbom implements Appendix {

    private static final String STATUS = DebianPackage.STATUS_DIRECTORY + "/";
    private static final String OS_RELEASE = "etc/os-release";

    private SbomRequest request;
    private final Path report;
    private final Path workDirectory;
    private final Instant time;
    private SbomRequest complete;
    private byte[] bytes;

    /**
     * @param request       the engine-free request, as {@code image:sbom} makes it
     * @param report        where the complete document is written ({@code target/image-reports/sbom.cdx.json})
     * @param workDirectory where the packages are recorded for {@code image:sbom}
     * @param time          the modification time of the file sent to the engine when it builds the final stage
     */
    public ImageSbom(SbomRequest request, Path report, Path workDirectory, Instant time) {
        this.request = request;
        this.report = report;
        this.workDirectory = workDirectory;
        this.time = time;
    }

    /**
     * Takes the digest of the final stage's base image from {@code engine}: its {@code RepoDigests} entry for the
     * base's repository (the one the reference pins, else the first in order), else its image id; nothing for
     * {@code scratch} or a base the engine lacks. Called before the final stage is built from it, and again after
     * the engine built it (which may have pulled it).
     */
    void resolveBase(Engine engine) throws EngineException {
        request = request.withRuntimeDigest(baseDigest(engine, request.runtimeImage()));
    }

    /** Takes the digest of the final stage's base image from the registry {@code source} read it from, if any. */
    void resolveBase(StageSource source) throws EngineException, IOException {
        String base = request.runtimeImage();
        if (base == null || base.isBlank() || ImageRef.parse(base).isScratch()) {
            return;
        }
        String digest = source.manifestDigest(base);
        if (digest != null) {
            request = request.withRuntimeDigest(new BaseDigest(digest, BaseDigest.Source.REGISTRY_MANIFEST));
        }
    }

    /** The digest of {@code base} in {@code engine}, or {@code null}. */
    static BaseDigest baseDigest(Engine engine, String base) throws EngineException {
        if (base == null || base.isBlank() || ImageRef.parse(base).isScratch()) {
            return null;
        }
        String id = engine.imageIdOrNull(base);
        if (id == null) {
            return null;
        }
        ImageRef ref = ImageRef.parse(base);
        List<String> digests = new ArrayList<>();
        for (String repoDigest : engine.repoDigests(base)) {
            ImageRef listed = ImageRef.parse(repoDigest);
            if (listed.registry().equals(ref.registry())
                    && listed.registryPath().equals(ref.registryPath())
                    && listed.digest() != null
                    && listed.digest().matches("sha256:[0-9a-f]{64}")) {
                digests.add(listed.digest());
            }
        }
        if (ref.digest() != null && digests.contains(ref.digest())) {
            return new BaseDigest(ref.digest(), BaseDigest.Source.ENGINE_REPO_DIGEST);
        }
        if (!digests.isEmpty()) {
            return new BaseDigest(digests.get(0), BaseDigest.Source.ENGINE_REPO_DIGEST);
        }
        return id.matches("sha256:[0-9a-f]{64}") ? new BaseDigest(id, BaseDigest.Source.ENGINE_IMAGE_ID) : null;
    }

    @Override
    public String path() {
        return SbomWriter.IMAGE_PATH;
    }

    @Override
    public String label() {
        return SbomWriter.LABEL;
    }

    @Override
    public List<String> reads() {
        return List.of(STATUS, OS_RELEASE);
    }

    @Override
    public byte[] content(Map<String, byte[]> files) {
        Map<String, byte[]> status = new TreeMap<>();
        files.forEach((path, content) -> {
            if (path.startsWith(STATUS)) {
                status.put(path, content);
            }
        });
        complete = request.withPackages(DebianPackage.distro(files.get(OS_RELEASE)), DebianPackage.parse(status));
        bytes = new SbomWriter().write(complete);
        return bytes.clone();
    }

    /**
     * When the engine built the final stage: reads the packages out of a container of {@code imageId} (created,
     * never started) and has the engine add the SBOM's layer and label on top, tagged as {@code build}.
     *
     * @return the image with the SBOM
     */
    BuildResult appendOnEngine(Engine engine, BuildRequest build, String imageId) throws EngineException, IOException {
        resolveBase(engine);
        Map<String, byte[]> files = new TreeMap<>();
        String container = engine.createContainer(imageId);
        try {
            for (String read : reads()) {
                String path = "/" + (read.endsWith("/") ? read.substring(0, read.length() - 1) : read);
                String parent = path.substring(1, path.lastIndexOf('/') + 1);
                try (InputStream in = engine.archiveOrNull(container, path)) {
                    if (in == null) {
                        continue;
                    }
                    TarArchiveInputStream tar = new TarArchiveInputStream(in);
                    for (TarArchiveEntry entry; (entry = tar.getNextEntry()) != null; ) {
                        String name = parent
                                + entry.getName().replaceFirst("^\\./", "").replaceFirst("/$", "");
                        if (entry.isFile()
                                && !entry.isLink()
                                && !entry.isSymbolicLink()
                                && Appendix.reads(reads(), name)) {
                            files.put(name, tar.readAllBytes());
                        }
                    }
                }
            }
        } finally {
            engine.remove(container);
        }
        byte[] content = content(files);
        Path context = build.workDirectory().resolve("sbom-context");
        Files.createDirectories(context);
        String name = Path.of(SbomWriter.IMAGE_PATH).getFileName().toString();
        Path file = context.resolve(name);
        Files.write(file, content);
        Files.setLastModifiedTime(file, FileTime.from(time));
        Files.writeString(
                context.resolve("Dockerfile"),
                "FROM " + imageId + "\nCOPY " + name + " " + SbomWriter.IMAGE_PATH + "\nLABEL " + SbomWriter.LABEL + "="
                        + SbomWriter.IMAGE_PATH + "\n",
                StandardCharsets.UTF_8);
        BuildRequest sbom = new BuildRequest(
                context,
                "Dockerfile",
                build.tags(),
                Map.of(),
                Map.of(),
                PullPolicy.NEVER,
                build.workDirectory(),
                build.noCache());
        return engine.build(sbom, BuildContext.scan(context, "Dockerfile"));
    }

    /**
     * Writes the document to the report and the packages for {@code image:sbom}.
     *
     * @param dockerfile the Dockerfile the image was built from
     * @return a line for the log
     */
    String record(Path dockerfile, Path baseDirectory) throws IOException {
        Files.createDirectories(report.getParent());
        if (!Files.isRegularFile(report) || !Arrays.equals(Files.readAllBytes(report), bytes)) {
            Files.write(report, bytes);
        }
        new PackageRecord(Sha256.hex(dockerfile), complete.distro(), complete.runtimeDigest(), complete.packages())
                .write(workDirectory.resolve(PackageRecord.FILE));
        return "The image holds its SBOM at " + SbomWriter.IMAGE_PATH + " (label " + SbomWriter.LABEL + "): "
                + complete.libraries().size() + " jars, " + complete.modules().size() + " runtime modules, "
                + complete.packages().size() + " Debian packages; wrote " + baseDirectory.relativize(report);
    }
}
