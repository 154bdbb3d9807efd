package dev.dockyard.image.policy.rules;

import dev.dockyard.image.policy.Severity;
import dev.dockyard.image.policy.rulekit.AtMostOnePerStage;

/** At most one {@code HEALTHCHECK} per stage (hadolint DL3012). */
public final class MultipleHealthcheck extends AtMostOnePerStage {
    public MultipleHealthcheck() {
        super("HEALTHCHECK", Severity.ERROR, "DL3012");
    }
}
