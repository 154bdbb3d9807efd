package dev.dockyard.image.maven;

import static dev.dockyard.image.maven.ImageParameters.*;

import dev.dockyard.image.archive.ArchiveCheck;
import dev.dockyard.image.archive.ArchiveException;
import dev.dockyard.image.verify.Check;
import dev.dockyard.image.verify.Verification;
import dev.dockyard.image.verify.VerificationReports;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Checks a saved image archive without a Docker engine: its {@code .sha256} (when one is next to it), then the
 * static checks of {@code image:verify} (size within {@code image.maxImageSize}, a non-root user, a HEALTHCHECK,
 * the configured ports exposed, the required labels) on the image configuration read from the archive. Reads the
 * Docker {@code save} format and the OCI image layout, as {@code .tar} or {@code .tar.gz}. Writes one line per
 * check and JUnit XML ({@code TEST-image-check-<artifactId>.xml}) to {@code target/image-reports/}.
 *
 * @since 0.2.0
 */
@Mojo(name = "check", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public class CheckMojo extends AbstractImageMojo {

    /**
     * Directory the JUnit report of the checks is written to.
     *
     * @since 0.1.0
     */
    @Parameter(property = REPORTS_DIRECTORY, defaultValue = REPORTS_DIRECTORY_DEFAULT)
    private File reportsDirectory;

    /**
     * Image repository name, which names the default archive ({@code <image-name>-<version>.tar.gz}).
     *
     * @since 0.1.0
     */
    @Parameter(property = NAME, defaultValue = NAME_DEFAULT)
    private String imageName;

    /**
     * The service's main TCP port, which the archived image must expose.
     *
     * @since 0.1.0
     */
    @Parameter(property = PORT, defaultValue = PORT_DEFAULT)
    private String port;

    /**
     * More TCP ports the archived image must expose, besides {@code port}.
     *
     * @since 0.1.0
     */
    @Parameter(property = PORTS)
    private List<String> ports = new ArrayList<>();

    /**
     * Size budget of the archived image (the sum of its layers), in decimal ({@code 150MB}) or binary
     * ({@code 140MiB}) units.
     *
     * @since 0.1.0
     */
    @Parameter(property = MAX_IMAGE_SIZE, defaultValue = MAX_IMAGE_SIZE_DEFAULT)
    private String maxImageSize;

    /**
     * Labels the archived image must carry. On the command line, comma-separated.
     *
     * @since 0.1.0
     */
    @Parameter(property = REQUIRED_LABELS, defaultValue = REQUIRED_LABELS_DEFAULT)
    private List<String> requiredLabels = new ArrayList<>();

    /**
     * The archive to check; by default the one {@code image:save} writes,
     * {@code ${project.build.directory}/<image-name>-<version>.tar.gz}.
     *
     * @since 0.2.0
     */
    @Parameter(property = ARCHIVE)
    private File archive;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skipped("check")) {
            return;
        }
        Path file = archive != null ? archive.toPath().toAbsolutePath() : savedArchive(imageName(imageName));
        List<String> problems = new ArrayList<>();
        long budget = size("maxImageSize", maxImageSize, problems);
        failOn(problems);
        Verification verification;
        try {
            getLog().info("Checking the image archive " + shown(file));
            verification = new ArchiveCheck()
                    .check(file, budget, ports(port, ports), ServiceSettings.trimmed(requiredLabels))
                    .map(this::text);
        } catch (ArchiveException e) {
            throw failure(e);
        }
        for (Check check : verification.checks()) {
            if (check.failed()) {
                getLog().error(check.line());
            } else {
                getLog().info(check.line());
            }
        }
        Path reports = reportsDirectory.toPath();
        try {
            Path junit =
                    VerificationReports.writeJUnit(verification, "image-check-" + project.getArtifactId(), reports);
            getLog().info("Wrote " + relative(junit));
        } catch (IOException e) {
            throw new MojoExecutionException("Could not write the reports to " + reports + ": " + e.getMessage(), e);
        }
        verdict("check", verification, shown(file), "details above");
    }

    private String shown(Path file) {
        Path base = project.getBasedir().toPath().toAbsolutePath();
        return file.startsWith(base) ? base.relativize(file).toString() : file.toString();
    }
}
