package dev.dockyard.image.maven;

import static dev.dockyard.image.maven.ImageParameters.*;

import dev.dockyard.image.policy.Finding;
import dev.dockyard.image.policy.LintOutcome;
import dev.dockyard.image.policy.LintParameters;
import dev.dockyard.image.policy.LintRun;
import dev.dockyard.image.policy.Severity;
import dev.dockyard.image.support.UserFixableException;
import java.io.File;
import java.io.IOException;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Lint parameters shared by every goal that lints a Dockerfile ({@code image:lint}, {@code image:dockerfile}), and
 * the mapping of the lint use case ({@link LintRun}) to log lines and exceptions.
 */
abstract class AbstractLintMojo extends AbstractImageMojo {

    /**
     * Directory the lint report ({@code lint.json}) is written to.
     *
     * @since 0.1.0
     */
    @Parameter(property = REPORTS_DIRECTORY, defaultValue = REPORTS_DIRECTORY_DEFAULT)
    protected File reportsDirectory;

    /**
     * Lowest finding severity that fails the build: {@code error}, {@code warning}, {@code info} or {@code none}
     * (report only).
     *
     * @since 0.1.0
     */
    @Parameter(property = FAIL_ON, defaultValue = FAIL_ON_DEFAULT)
    protected String failOn;

    /**
     * Skips Dockerfile linting (the rest of a goal still runs).
     *
     * @since 0.1.0
     */
    @Parameter(property = LINT_SKIP, defaultValue = LINT_SKIP_DEFAULT)
    protected String lintSkip;

    /**
     * Severity overrides as {@code rule=severity} ({@code error}, {@code warning}, {@code info}, or {@code off} to
     * switch the rule off), e.g. {@code <lintSeverities><s>user-numeric=warning</s></lintSeverities>} or
     * {@code -Dimage.lint.severities=user-numeric=warning,consecutive-run=off}. Rule ids are listed in docs/rules.md.
     *
     * @since 0.1.0
     */
    @Parameter(property = LINT_SEVERITIES)
    protected List<String> lintSeverities;

    /**
     * Rule ids switched off, e.g. {@code -Dimage.lint.disabledRules=apt-pinned,apk-pinned}.
     *
     * @since 0.1.0
     */
    @Parameter(property = LINT_DISABLED_RULES)
    protected List<String> lintDisabledRules;

    /**
     * Registries base images may come from ({@code docker.io} for Docker Hub, {@code *.example.com} wildcards);
     * empty allows any. Enforced by rule {@code base-image-registry}.
     *
     * @since 0.1.0
     */
    @Parameter(property = LINT_ALLOWED_REGISTRIES)
    protected List<String> allowedRegistries;

    /**
     * Severity of base images not pinned by digest (rule {@code base-image-digest}): {@code error}, {@code warning},
     * {@code info} or {@code off}. Empty keeps the rule's default ({@code info}).
     *
     * @since 0.1.0
     */
    @Parameter(property = LINT_DIGEST_PIN_SEVERITY)
    protected String digestPinSeverity;

    /** The lint parameters as written. */
    protected LintParameters lintParameterValues() {
        return new LintParameters(failOn, lintSeverities, lintDisabledRules, allowedRegistries, digestPinSeverity);
    }

    /**
     * The lint use case over the module, with the linter from the parameters (built, and the parameters checked,
     * at its first lint: {@link #lint(LintStep)} reports invalid ones).
     */
    protected LintRun lintRun() {
        return new LintRun(lintParameterValues(), project.getBasedir().toPath(), reportsDirectory.toPath());
    }

    /** Whether {@code image.lint.skip} is set; logs so. */
    protected boolean lintSkipped() throws MojoFailureException {
        boolean skipped = flag(lintSkip, "lintSkip");
        if (skipped) {
            getLog().info("Skipping Dockerfile lint (image.lint.skip=true)");
        }
        return skipped;
    }

    /**
     * A lint step of a goal: logs one line per finding and the summary, and fails the build with the verdict.
     *
     * @throws MojoExecutionException when a file cannot be read or a report or memo written
     * @throws MojoFailureException   on invalid lint parameters or findings at or above the threshold
     */
    protected LintOutcome lint(LintStep step) throws MojoExecutionException, MojoFailureException {
        LintRun run = lintRun();
        LintOutcome outcome;
        try {
            outcome = step.run(run);
        } catch (IOException e) {
            throw new MojoExecutionException(e.getMessage(), e);
        } catch (UserFixableException e) {
            throw failure(e);
        }
        if (outcome.upToDate()) {
            return outcome;
        }
        for (Finding f : outcome.result().findings()) {
            if (f.severity() == Severity.ERROR) {
                getLog().error(f.consoleLine());
            } else if (f.severity() == Severity.WARNING) {
                getLog().warn(f.consoleLine());
            } else {
                getLog().info(f.consoleLine());
            }
        }
        getLog().info(outcome.result().summary());
        if (outcome.failure().isPresent()) {
            throw new MojoFailureException(text(outcome.failure().get()));
        }
        return outcome;
    }

    /** One call of the lint use case. */
    @FunctionalInterface
    protected interface LintStep {
        LintOutcome run(LintRun run) throws IOException, UserFixableException;
    }
}
