package dev.dockyard.image.maven;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;

import dev.dockyard.image.policy.Finding;
import dev.dockyard.image.policy.LintReports;
import dev.dockyard.image.policy.LintResult;
import dev.dockyard.image.policy.LintParameters;
import dev.dockyard.image.policy.Linter;
import dev.dockyard.image.policy.Severity;

/**
 * Lint parameters shared by every goal that lints a Dockerfile ({@code image:lint}, {@code image:dockerfile}), and
 * the common steps: settings from parameters, console lines, reports, failure.
 */
abstract class AbstractLintMojo extends AbstractImageMojo {

    /**
     * Lowest finding severity that fails the build: {@code error}, {@code warning}, {@code info} or {@code none}
     * (report only).
     *
     * @since 0.1.0
     */
    @Parameter(property = "image.failOn", defaultValue = "warning")
    protected String failOn;

    /**
     * Skips Dockerfile linting (the rest of a goal still runs).
     *
     * @since 0.1.0
     */
    @Parameter(property = "image.lint.skip", defaultValue = "false")
    protected boolean lintSkip;

    /**
     * Severity overrides as {@code rule=severity} ({@code error}, {@code warning}, {@code info}, or {@code off} to
     * switch the rule off), e.g. {@code <lintSeverities><s>user-numeric=warning</s></lintSeverities>} or
     * {@code -Dimage.lint.severities=user-numeric=warning,consecutive-run=off}. Rule ids are listed in docs/rules.md.
     *
     * @since 0.1.0
     */
    @Parameter(property = "image.lint.severities")
    protected List<String> lintSeverities;

    /**
     * Rule ids switched off, e.g. {@code -Dimage.lint.disabledRules=apt-pinned,apk-pinned}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "image.lint.disabledRules")
    protected List<String> lintDisabledRules;

    /**
     * Registries base images may come from ({@code docker.io} for Docker Hub, {@code *.example.com} wildcards);
     * empty allows any. Enforced by rule {@code base-image-registry}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "image.lint.allowedRegistries")
    protected List<String> allowedRegistries;

    /**
     * Severity of base images not pinned by digest (rule {@code base-image-digest}): {@code error}, {@code warning},
     * {@code info} or {@code off}. Empty keeps the rule's default ({@code info}).
     *
     * @since 0.1.0
     */
    @Parameter(property = "image.lint.digestPinSeverity")
    protected String digestPinSeverity;

    /** The lint parameters as written. */
    protected LintParameters lintParameterValues() {
        return new LintParameters(failOn, lintSeverities, lintDisabledRules, allowedRegistries, digestPinSeverity);
    }

    /** @return the lint parameters as one line, to tell whether they changed since an earlier lint */
    protected String lintParameters() {
        return lintParameterValues().line(lintSkip);
    }

    /**
     * Builds the linter from the parameters.
     *
     * @throws MojoFailureException naming the parameter and value when one is invalid
     */
    protected Linter linter() throws MojoFailureException {
        try {
            return lintParameterValues().linter();
        } catch (IllegalArgumentException e) {
            throw new MojoFailureException(e.getMessage());
        }
    }

    /**
     * Lints Dockerfiles unless {@code image.lint.skip} is set: builds the linter from the parameters, names the files
     * relative to the module directory, logs one line per finding and a summary, writes the reports and fails the
     * build when findings reach {@code failOn}. {@code image:dockerfile} calls this with the Dockerfile it rendered.
     *
     * @param files      Dockerfiles to lint
     * @param reportName report base name, normally {@link LintReports#DEFAULT_NAME}
     * @throws MojoExecutionException when a file cannot be read or a report written
     * @throws MojoFailureException   on invalid lint parameters or findings at or above the threshold
     */
    protected void lint(List<Path> files, String reportName) throws MojoExecutionException, MojoFailureException {
        if (lintSkip) {
            getLog().info("Skipping Dockerfile lint (image.lint.skip=true)");
            return;
        }
        Linter linter = linter();
        Path base = project.getBasedir().toPath();
        LintResult result;
        try {
            result = linter.lint(base, files);
        } catch (IOException e) {
            throw new MojoExecutionException("Cannot read Dockerfile: " + e.getMessage(), e);
        }
        report(result, reportName);
    }

    /**
     * Logs one line per finding and a summary, writes the reports to {@link #reportsDirectory} and fails the build
     * when findings reach the threshold.
     *
     * @param result     the lint result
     * @param reportName report base name ({@code lint} gives lint.json, lint.sarif, TEST-dockyard-lint.xml)
     * @throws MojoExecutionException when reports cannot be written
     * @throws MojoFailureException   listing every finding at or above the threshold
     */
    protected void report(LintResult result, String reportName) throws MojoExecutionException, MojoFailureException {
        for (Finding f : result.findings()) {
            if (f.severity() == Severity.ERROR) {
                getLog().error(f.consoleLine());
            } else if (f.severity() == Severity.WARNING) {
                getLog().warn(f.consoleLine());
            } else {
                getLog().info(f.consoleLine());
            }
        }
        getLog().info(result.summary());
        try {
            LintReports.write(reportsDirectory.toPath(), result, reportName);
        } catch (IOException e) {
            throw new MojoExecutionException("Cannot write lint reports to " + reportsDirectory + ": "
                    + e.getMessage(), e);
        }
        List<Finding> failing = result.failing();
        if (!failing.isEmpty()) {
            StringBuilder msg = new StringBuilder("Dockerfile lint found ").append(failing.size())
                    .append(failing.size() == 1 ? " problem" : " problems").append(" at or above failOn=")
                    .append(result.failOn().label()).append(":\n");
            for (Finding f : failing) {
                msg.append("  ").append(f.consoleLine()).append('\n');
            }
            msg.append("Fix them, silence one with '# dockyard ignore=RULE' on the line above it, or change "
                    + "<failOn>/image.failOn (rules: docs/rules.md).");
            throw new MojoFailureException(msg.toString());
        }
    }
}
