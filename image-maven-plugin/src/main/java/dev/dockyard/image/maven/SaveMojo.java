package dev.dockyard.image.maven;

import java.io.File;
import java.io.IOException;

import javax.inject.Inject;

import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProjectHelper;

import dev.dockyard.image.archive.ArchiveRequest;
import dev.dockyard.image.archive.ArchiveResult;
import dev.dockyard.image.archive.ImageArchive;
import dev.dockyard.image.engine.ByteSize;
import dev.dockyard.image.engine.Engine;
import dev.dockyard.image.engine.EngineException;

/**
 * Saves the built image as a gzipped docker-archive ({@code docker save}) to
 * {@code target/<artifactId>-<version>-image.tar.gz}, with its {@code .sha256} and {@code image-metadata.json}
 * (tags, id, size, created, git revision); optionally attaches it to the project (classifier {@code image}) so that
 * {@code install} and {@code deploy} publish it.
 *
 * @since 0.1.0
 */
@Mojo(name = "save", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public class SaveMojo extends AbstractEngineMojo {

    /**
     * The archive written.
     *
     * @since 0.1.0
     */
    @Parameter(property = "image.saveFile",
            defaultValue = "${project.build.directory}/${project.artifactId}-${project.version}-image.tar.gz")
    private File saveFile;

    /**
     * Attach the archive to the project as {@code <artifactId>-<version>-image.tar.gz} (classifier {@code image}).
     *
     * @since 0.1.0
     */
    @Parameter(property = "image.attach", defaultValue = "false")
    private boolean attach;

    private final MavenProjectHelper projectHelper;

    @Inject
    public SaveMojo(MavenProjectHelper projectHelper) {
        this.projectHelper = projectHelper;
    }

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skipped("save")) {
            return;
        }
        MavenProjectAdapter adapter = new MavenProjectAdapter(project, session);
        ArchiveRequest request = new ArchiveRequest(builtImage(), saveFile.toPath(),
                adapter.gitRevision().orElse(null));
        ArchiveResult result;
        try (Engine engine = connect()) {
            result = new ImageArchive(engine).save(request);
        } catch (EngineException e) {
            rethrow(e);
            return;
        } catch (IOException e) {
            throw new MojoExecutionException("Could not write " + request.archive() + ": " + e.getMessage(), e);
        }
        getLog().info("Saved image " + result.image().shortId() + " to " + adapter.relative(result.archive()) + " ("
                + ByteSize.format(result.bytes()) + ", sha256 " + result.sha256() + ")");
        if (attach) {
            projectHelper.attachArtifact(project, "tar.gz", "image", result.archive().toFile());
            getLog().info("Attached " + result.archive().getFileName() + " (classifier image)");
        }
    }
}
