package dev.dockyard.image.maven;

import static dev.dockyard.image.maven.ImageParameters.*;

import dev.dockyard.image.engine.Engine;
import dev.dockyard.image.engine.EngineException;
import dev.dockyard.image.save.ArchiveRequest;
import dev.dockyard.image.save.ArchiveResult;
import dev.dockyard.image.save.ArchiveSource;
import dev.dockyard.image.save.ImageArchive;
import dev.dockyard.image.support.ModuleLock;
import dev.dockyard.image.support.UserFixableException;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.inject.Inject;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProjectHelper;

/**
 * Saves the built image as a gzipped docker-archive ({@code docker save}), streamed to
 * {@code target/<image-name>-<version>.tar.gz} (the image name without registry and path), with its
 * {@code .sha256} in {@code sha256sum -c} format and {@code image-metadata.json} (name, version, tags, id, digest,
 * size, created, git revision, base images, labels); optionally a {@code <image-name>-latest.tar.gz} copy, and
 * attached to the project (classifier {@code image}) so that {@code install} and {@code deploy} publish it.
 *
 * @since 0.1.0
 */
@Mojo(name = "save", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public class SaveMojo extends AbstractEngineMojo {

    /**
     * The archive written; by default {@code ${project.build.directory}/<image-name>-<version>.tar.gz}.
     *
     * @since 0.1.0
     */
    @Parameter(property = SAVE_FILE)
    private File saveFile;

    /**
     * The archive's format: {@code docker} (what {@code docker save} writes and {@code docker load} reads) or
     * {@code oci} (an OCI image layout: {@code oci-layout}, {@code index.json} with one entry per tag, and the
     * configuration, manifest and uncompressed layers as blobs), gzipped either way.
     *
     * @since 0.3.0
     */
    @Parameter(property = ARCHIVE_FORMAT, defaultValue = ARCHIVE_FORMAT_DEFAULT)
    private String archiveFormat;

    /**
     * Also write {@code <image-name>-latest.tar.gz} (and its {@code .sha256}), a copy under a name that does not
     * change between versions.
     *
     * @since 0.2.0
     */
    @Parameter(property = SAVE_LATEST, defaultValue = SAVE_LATEST_DEFAULT)
    private String saveLatest;

    /**
     * Attach the archive to the project as {@code <artifactId>-<version>-image.tar.gz} (classifier {@code image}).
     *
     * @since 0.1.0
     */
    @Parameter(property = ATTACH, defaultValue = ATTACH_DEFAULT)
    private String attach;

    /**
     * The build arguments {@code image:build} was given ({@code NAME=value}), with which the metadata names the
     * base images of a Dockerfile that chooses them by argument ({@code FROM ${BASE}}).
     *
     * @since 0.2.0
     */
    @Parameter(property = BUILD_ARGS)
    private List<String> buildArgs = new ArrayList<>();

    private final MavenProjectHelper projectHelper;

    @Inject
    public SaveMojo(MavenProjectHelper projectHelper) {
        this.projectHelper = projectHelper;
    }

    /**
     * The directory image:build assembled the image in: an image whose every layer Dockyard wrote is saved from there,
     * without the engine.
     *
     * @since 0.5.0
     */
    @Parameter(property = WORK_DIRECTORY, defaultValue = WORK_DIRECTORY_DEFAULT)
    private File workDirectory;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skipped("save")) {
            return;
        }
        // another build of this module (a second mvn) takes its turn: their files in target/ are the same
        try (ModuleLock held = lockModule()) {
            saveLocked();
        }
    }

    private void saveLocked() throws MojoExecutionException, MojoFailureException {
        MavenProjectAdapter adapter = new MavenProjectAdapter(project, session);
        Path archive = saveFile != null ? saveFile.toPath() : savedArchive(imageName(imageName));
        ArchiveRequest request = new ArchiveRequest(
                builtImage(),
                imageName(imageName).strip(),
                project.getVersion(),
                archive,
                flag(saveLatest, "saveLatest"),
                adapter.gitRevision().orElse(null),
                baseImages(buildArgs),
                project.getGroupId() + ":" + project.getArtifactId(),
                oci(archiveFormat));
        ArchiveResult result;
        try {
            Optional<ArchiveSource> assembled = assembledSource(workDirectory.toPath());
            Optional<ArchiveResult> platforms = savePlatforms(request, workDirectory.toPath());
            if (platforms.isPresent()) {
                result = platforms.get();
            } else if (assembled.isPresent()) {
                getLog().info("Saving the image image:build assembled, without the engine");
                result = new ImageArchive(assembled.get()).save(request);
            } else {
                try (Engine engine = connect(engineTimeout)) {
                    result = new ImageArchive(engine).save(request);
                }
            }
        } catch (EngineException e) {
            rethrow(e);
            return;
        } catch (UserFixableException e) {
            throw failure(e);
        } catch (IOException e) {
            throw new MojoExecutionException("Could not write " + archive + ": " + e.getMessage(), e);
        }
        logSaved(result);
        if (flag(attach, "attach")) {
            projectHelper.attachArtifact(
                    project, "tar.gz", "image", result.archive().toFile());
            getLog().info("Attached " + result.archive().getFileName() + " (classifier image)");
        }
    }
}
