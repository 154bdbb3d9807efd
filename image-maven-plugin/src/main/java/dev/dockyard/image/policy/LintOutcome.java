package dev.dockyard.image.policy;

import java.util.Optional;

/**
 * What a {@link LintRun} did.
 *
 * @param result  the lint result, or {@code null} when the lint was not run again ({@link #upToDate()})
 * @param verdict the text to fail the build with, or {@code null} when no finding reaches the threshold
 */
public record LintOutcome(LintResult result, String verdict) {

    static final LintOutcome UP_TO_DATE = new LintOutcome(null, null);

    /** The same Dockerfile passed the same parameters last time: not linted again. */
    public boolean upToDate() {
        return result == null;
    }

    /** No finding reaches the threshold. */
    public boolean passed() {
        return verdict == null;
    }

    /** The failure text, when a finding reaches the threshold. */
    public Optional<String> failure() {
        return Optional.ofNullable(verdict);
    }
}
