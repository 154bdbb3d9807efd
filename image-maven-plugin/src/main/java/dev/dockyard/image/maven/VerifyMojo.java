package dev.dockyard.image.maven;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

import dev.dockyard.image.support.ByteSize;
import dev.dockyard.image.verify.Check;
import dev.dockyard.image.engine.Engine;
import dev.dockyard.image.engine.EngineException;
import dev.dockyard.image.verify.VerificationReports;
import dev.dockyard.image.verify.ImageVerifier;
import dev.dockyard.image.verify.Verification;
import dev.dockyard.image.verify.VerifyRequest;
import dev.dockyard.image.settings.ServiceSettings;

/**
 * Verifies the image {@code image:build} built. Static checks: size within {@code image.maxImageSize}, a non-root
 * user, a HEALTHCHECK, the configured ports exposed, the required labels. Live checks, in a container started from
 * the image with its ports on random host ports and labelled {@code dev.dockyard.run}: healthy within
 * {@code image.healthTimeout}, main process not root, an HTTP probe of the health path, a clean stop on SIGTERM
 * within {@code image.stopTimeout}. The container is removed in every outcome. Writes one line per check, JUnit XML
 * ({@code TEST-image-<artifactId>.xml}) and {@code image-report.html} to {@code target/image-reports/}.
 *
 * @since 0.1.0
 */
@Mojo(name = "verify", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public class VerifyMojo extends AbstractStaticCheckMojo {

    /**
     * Run the live checks (start a container). {@code false} keeps only the static checks.
     *
     * @since 0.1.0
     */
    @Parameter(property = "image.liveChecks", defaultValue = "true")
    private boolean liveChecks;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skipped("verify")) {
            return;
        }
        VerifyRequest request = request(builtImage());
        Verification verification;
        try (Engine engine = connect()) {
            getLog().info("Verifying image " + request.image() + " (" + mainReference() + ")");
            verification = new ImageVerifier(engine, engineLog()).verify(request);
        } catch (EngineException e) {
            rethrow(e);
            return;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MojoExecutionException("Interrupted while verifying " + request.image(), e);
        }
        Path reports = reportsDirectory.toPath();
        try {
            String suite = "image-" + project.getArtifactId();
            Path junit = VerificationReports.writeJUnit(verification, suite, reports);
            Path html = reports.resolve("image-report.html");
            VerificationReports.writeHtml(verification, "Image " + mainReference(), html);
            getLog().info("Wrote " + relative(junit) + " and " + relative(html));
        } catch (IOException e) {
            throw new MojoExecutionException("Could not write the reports to " + reports + ": " + e.getMessage(), e);
        }
        List<Check> failures = verification.failures();
        if (!failures.isEmpty()) {
            throw new MojoFailureException("image:verify: " + failures.size() + " of "
                    + verification.checks().size() + " checks failed for " + mainReference() + ": "
                    + failures.stream().map(Check::name).collect(Collectors.joining(", "))
                    + " (details above and in " + relative(reports.resolve("image-report.html")) + ")");
        }
        getLog().info("image:verify: all " + verification.checks().size() + " checks passed for " + mainReference()
                + " (" + ByteSize.format(verification.image().size()) + ")");
    }

    private VerifyRequest request(String image) throws MojoFailureException {
        List<String> problems = new ArrayList<>();
        long budget = maxImageSize(problems);
        Duration health = healthTimeout(problems);
        Duration stop = stopTimeout(problems);
        failOn(problems);
        String path = ServiceSettings.healthPath(healthPath);
        String runId = project.getArtifactId() + "-" + UUID.randomUUID().toString().substring(0, 8);
        return new VerifyRequest(image, budget, allPorts(), requiredLabels(), liveChecks, health, path,
                healthPort != null ? healthPort : port, stop, logLines(), runId,
                Map.of(Engine.PROJECT_LABEL, project.getBasedir().getAbsolutePath()));
    }
}
