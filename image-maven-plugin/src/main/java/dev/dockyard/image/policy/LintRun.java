package dev.dockyard.image.policy;

import static dev.dockyard.image.support.CoreException.mention;

import dev.dockyard.image.support.UserFixableException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The lint use case of a goal ({@code image:lint} over hand-written Dockerfiles, {@code image:dockerfile} over the
 * one it rendered): the linter from the parameters, the lint, the reports, the memo that spares an unchanged
 * Dockerfile a second lint, and the verdict text. The goal only logs the outcome and maps it to an exception.
 */
public final class LintRun {

    /** Name of the memo file, in the work directory, of the lint of the rendered Dockerfile. */
    public static final String MEMO_FILE = "lint-memo.txt";

    private final LintParameters parameters;
    private Linter linter;
    private final Path baseDirectory;
    private final Path reportsDirectory;

    /**
     * The linter (its rules, their patterns) is built at the first lint, so that an up-to-date rendered Dockerfile
     * costs none of it; invalid parameters are reported then.
     *
     * @param parameters       the lint parameters as written
     * @param baseDirectory    the module directory, which findings and reports name files relative to
     * @param reportsDirectory where the reports are written
     */
    public LintRun(LintParameters parameters, Path baseDirectory, Path reportsDirectory) {
        this.parameters = parameters;
        this.baseDirectory = baseDirectory;
        this.reportsDirectory = reportsDirectory;
    }

    /**
     * The linter built from the parameters.
     *
     * @throws UserFixableException naming the parameter and value when one is invalid
     */
    public Linter linter() throws UserFixableException {
        if (linter == null) {
            linter = parameters.linter();
        }
        return linter;
    }

    /**
     * Lints {@code files} and writes the reports {@code <reportName>.json}, {@code .sarif} and
     * {@code TEST-dockyard-<reportName>.xml}.
     *
     * @throws IOException naming what could not be read or written
     * @throws UserFixableException naming the lint parameter and value when one is invalid
     */
    public LintOutcome lint(List<Path> files, String reportName) throws IOException, UserFixableException {
        Linter linter = linter();
        LintResult result;
        try {
            result = linter.lint(baseDirectory, files);
        } catch (IOException e) {
            throw new IOException("Cannot read Dockerfile: " + e.getMessage(), e);
        }
        try {
            LintReports.write(reportsDirectory, result, reportName);
        } catch (IOException e) {
            throw new IOException("Cannot write lint reports to " + reportsDirectory + ": " + e.getMessage(), e);
        }
        return new LintOutcome(result, verdict(result));
    }

    /**
     * Lints a rendered Dockerfile into the reports {@link LintReports#RENDERED_NAME}, unless it is up to date and
     * passed the same parameters last time, with its reports still there ({@link LintOutcome#upToDate()}). A lint
     * that passes is remembered in {@code workDirectory}; one that fails is linted again next time.
     *
     * @param dockerfile the rendered Dockerfile
     * @param upToDate   whether the render left the Dockerfile as it was
     * @param workDirectory where the memo is kept
     * @throws IOException naming what could not be read or written
     * @throws UserFixableException naming the lint parameter and value when one is invalid
     */
    public LintOutcome lintRendered(Path dockerfile, boolean upToDate, Path workDirectory)
            throws IOException, UserFixableException {
        LintMemo memo = new LintMemo(workDirectory.resolve(MEMO_FILE));
        Path report = reportsDirectory.resolve(LintReports.RENDERED_NAME + ".json");
        String settings = parameters.line(false);
        try {
            if (upToDate && memo.passed(settings, dockerfile, report)) {
                return LintOutcome.UP_TO_DATE;
            }
            memo.forget();
        } catch (IOException e) {
            throw memoFault(workDirectory, e);
        }
        LintOutcome outcome = lint(List.of(dockerfile), LintReports.RENDERED_NAME);
        if (outcome.passed()) {
            try {
                memo.remember(settings, dockerfile);
            } catch (IOException e) {
                throw memoFault(workDirectory, e);
            }
        }
        return outcome;
    }

    private static IOException memoFault(Path workDirectory, IOException e) {
        return new IOException("Cannot keep the lint memo in " + workDirectory + ": " + e.getMessage(), e);
    }

    /**
     * The text a failed lint ends the build with: every finding at or above the threshold and the ways out.
     *
     * @return the text, or {@code null} when nothing reaches the threshold
     */
    static String verdict(LintResult result) {
        List<Finding> failing = result.failing();
        if (failing.isEmpty()) {
            return null;
        }
        StringBuilder msg = new StringBuilder("Dockerfile lint found ")
                .append(failing.size())
                .append(failing.size() == 1 ? " problem" : " problems")
                .append(" at or above failOn=")
                .append(result.failOn().label())
                .append(":\n");
        for (Finding f : failing) {
            msg.append("  ").append(f.consoleLine()).append('\n');
        }
        msg.append("Fix them, silence one with '# dockyard ignore=RULE' on the line above it, or change " + "<failOn>/"
                + mention("failOn") + " (rules: docs/rules.md).");
        return msg.toString();
    }
}
