package dev.dockyard.image.maven;

import static dev.dockyard.image.maven.ImageParameters.*;

import dev.dockyard.image.policy.LintFiles;
import dev.dockyard.image.policy.LintReports;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Lints the module's Dockerfiles ({@code Dockerfile*} in the module directory and under {@code src/main/docker/},
 * never {@code target/}) and writes {@code lint.json}, {@code lint.sarif} and JUnit XML to the reports directory.
 * Fails the build when a finding reaches {@code failOn}.
 *
 * @since 0.1.0
 */
@Mojo(name = "lint", defaultPhase = LifecyclePhase.VALIDATE, threadSafe = true)
public class LintMojo extends AbstractLintMojo {

    /**
     * Files to lint, as globs relative to the module directory ({@code *}, {@code ?}, {@code **}). Default:
     * {@code Dockerfile*} and {@code src/main/docker/**}{@code /Dockerfile*}.
     *
     * @since 0.1.0
     */
    @Parameter(property = LINT_INCLUDES)
    protected List<String> lintIncludes;

    /**
     * Files not to lint, as globs relative to the module directory; {@code **}{@code /*.ftl} and
     * {@code **}{@code /*.dockerignore} are always excluded.
     *
     * @since 0.1.0
     */
    @Parameter(property = LINT_EXCLUDES)
    protected List<String> lintExcludes;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (flag(skip, "skip")) {
            getLog().info("Skipping image:lint (image.skip=true)");
            return;
        }
        if (flag(lintSkip, "lintSkip")) {
            getLog().info("Skipping image:lint (image.lint.skip=true)");
            return;
        }
        Path base = project.getBasedir().toPath();
        List<Path> files;
        try {
            files = LintFiles.find(base, lintIncludes, lintExcludes);
        } catch (IOException e) {
            throw new MojoExecutionException("Cannot list Dockerfiles in " + base + ": " + e.getMessage(), e);
        }
        if (files.isEmpty()) {
            getLog().info("No Dockerfile to lint (includes: "
                    + (lintIncludes == null || lintIncludes.isEmpty() ? LintFiles.DEFAULT_INCLUDES : lintIncludes)
                    + ")");
            return;
        }
        lint(run -> run.lint(files, LintReports.DEFAULT_NAME));
    }
}
