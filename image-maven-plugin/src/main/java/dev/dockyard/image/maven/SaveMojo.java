package dev.dockyard.image.maven;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

import javax.inject.Inject;

import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProjectHelper;

import dev.dockyard.image.engine.ByteSize;
import dev.dockyard.image.engine.Engine;
import dev.dockyard.image.engine.EngineException;
import dev.dockyard.image.engine.ImageDetails;
import dev.dockyard.image.engine.ImageReports;
import dev.dockyard.image.render.ProjectFacts;

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
        String image = builtImage();
        Path archive = saveFile.toPath();
        try (Engine engine = connect()) {
            ImageDetails details = engine.inspect(image);
            Files.createDirectories(archive.toAbsolutePath().getParent());
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            try (OutputStream file = Files.newOutputStream(archive);
                 DigestOutputStream digest = new DigestOutputStream(file, sha256);
                 GZIPOutputStream gzip = new GZIPOutputStream(digest, 1 << 16)) {
                engine.save(details.id(), gzip);
            }
            String hex = HexFormat.of().formatHex(sha256.digest());
            Path checksum = archive.resolveSibling(archive.getFileName() + ".sha256");
            Files.writeString(checksum, hex + "  " + archive.getFileName() + "\n", StandardCharsets.US_ASCII);
            Path metadata = archive.resolveSibling("image-metadata.json");
            ImageReports.writeJson(metadata(details, hex), metadata);
            getLog().info("Saved image " + details.shortId() + " to " + relative(archive) + " ("
                    + ByteSize.format(Files.size(archive)) + ", sha256 " + hex + ")");
            if (attach) {
                projectHelper.attachArtifact(project, "tar.gz", "image", archive.toFile());
                getLog().info("Attached " + archive.getFileName() + " (classifier image)");
            }
        } catch (EngineException e) {
            rethrow(e);
        } catch (IOException e) {
            throw new MojoExecutionException("Could not write " + archive + ": " + e.getMessage(), e);
        } catch (NoSuchAlgorithmException e) {
            throw new MojoExecutionException("SHA-256 is not available", e);
        }
    }

    private Map<String, Object> metadata(ImageDetails image, String sha256) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", image.id());
        json.put("tags", image.tags());
        json.put("size", image.size());
        json.put("created", image.created());
        json.put("revision", ProjectFacts.gitRevision(project.getBasedir().toPath()).orElse(null));
        json.put("archive", saveFile.getName());
        json.put("sha256", sha256);
        return json;
    }
}
