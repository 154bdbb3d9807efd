package dev.dockyard.image.policy;

import dev.dockyard.image.dockerfile.Dockerfile;
import dev.dockyard.image.dockerfile.Instruction;
import dev.dockyard.image.dockerfile.Stage;
import java.util.ArrayList;
import java.util.List;

/** What a {@link Rule} sees: the parsed file with its stages and the settings, and where it reports. */
public final class RuleContext {

    /**
     * A violation a rule reported.
     *
     * @param line    1-based line
     * @param column  1-based column
     * @param message one-line message
     */
    public record Violation(int line, int column, String message) {}

    private final Dockerfile dockerfile;
    private final LintSettings settings;
    private final List<Violation> violations = new ArrayList<>();

    RuleContext(Dockerfile dockerfile, LintSettings settings) {
        this.dockerfile = dockerfile;
        this.settings = settings;
    }

    /** @return the parsed file */
    public Dockerfile dockerfile() {
        return dockerfile;
    }

    /** @return the stages, in order */
    public List<Stage> stages() {
        return dockerfile.stages();
    }

    /** @return the settings (allowed registries and so on) */
    public LintSettings settings() {
        return settings;
    }

    /** Reports a violation at the instruction's position. */
    public void report(Instruction at, String message) {
        violations.add(new Violation(at.line(), at.column(), message));
    }

    List<Violation> violations() {
        return violations;
    }
}
