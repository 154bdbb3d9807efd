package dev.dockyard.image.policy.rules;

import dev.dockyard.image.policy.Severity;
import dev.dockyard.image.policy.rulekit.AtMostOnePerStage;

/** At most one {@code ENTRYPOINT} per stage (hadolint DL4004). */
public final class MultipleEntrypoint extends AtMostOnePerStage {
    public MultipleEntrypoint() {
        super("ENTRYPOINT", Severity.ERROR, "DL4004");
    }
}
