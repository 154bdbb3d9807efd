package dev.dockyard.image.policy.rules;

import dev.dockyard.image.policy.Severity;
import dev.dockyard.image.policy.rulekit.AtMostOnePerStage;

/** At most one {@code CMD} per stage (hadolint DL4003). */
public final class MultipleCmd extends AtMostOnePerStage {
    public MultipleCmd() {
        super("CMD", Severity.WARNING, "DL4003");
    }
}
