package dev.dockyard.image.policy.rules;

import dev.dockyard.image.dockerfile.Stage;
import dev.dockyard.image.policy.RuleContext;
import dev.dockyard.image.policy.Severity;
import dev.dockyard.image.policy.rulekit.BaseRule;
import dev.dockyard.image.policy.rulekit.FinalImage;

/**
 * The final stage of a service (it {@code EXPOSE}s a port) declares a {@code HEALTHCHECK}; {@code HEALTHCHECK NONE}
 * counts as a deliberate choice.
 */
public final class HealthcheckMissing extends BaseRule {

    public HealthcheckMissing() {
        super(
                "healthcheck-missing",
                Severity.WARNING,
                "The final stage of a service (one that EXPOSEs a port) has a HEALTHCHECK.");
    }

    @Override
    public void check(RuleContext context) {
        boolean exposes = false;
        for (Stage s : FinalImage.chain(context.dockerfile())) {
            exposes |= !s.all("EXPOSE").isEmpty();
        }
        if (exposes && FinalImage.effective(context.dockerfile(), "HEALTHCHECK") == null) {
            context.report(
                    context.dockerfile().finalStage().from(),
                    "final stage exposes a port but has no "
                            + "HEALTHCHECK: add HEALTHCHECK CMD [...] (or HEALTHCHECK NONE to opt out)");
        }
    }
}
