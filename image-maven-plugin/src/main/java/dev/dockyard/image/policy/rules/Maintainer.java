package dev.dockyard.image.policy.rules;

import dev.dockyard.image.dockerfile.Instruction;
import dev.dockyard.image.policy.RuleContext;
import dev.dockyard.image.policy.Severity;
import dev.dockyard.image.policy.rulekit.BaseRule;

/** No deprecated {@code MAINTAINER} (hadolint DL4000, Docker MaintainerDeprecated). */
public final class Maintainer extends BaseRule {

    public Maintainer() {
        super(
                "maintainer",
                Severity.WARNING,
                "No deprecated MAINTAINER; use an org.opencontainers.image.authors label.",
                "DL4000");
    }

    @Override
    public void check(RuleContext context) {
        for (Instruction i : context.dockerfile().instructions()) {
            if (i.is("MAINTAINER")) {
                context.report(i, "MAINTAINER is deprecated: use LABEL org.opencontainers.image.authors=\"...\"");
            }
        }
    }
}
