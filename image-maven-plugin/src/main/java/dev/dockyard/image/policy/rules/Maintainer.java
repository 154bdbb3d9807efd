package dev.dockyard.image.policy.rules;

import java.util.List;

import dev.dockyard.image.dockerfile.Instruction;
import dev.dockyard.image.policy.Rule;
import dev.dockyard.image.policy.RuleContext;
import dev.dockyard.image.policy.Severity;

/** No deprecated {@code MAINTAINER} (hadolint DL4000, Docker MaintainerDeprecated). */
public final class Maintainer implements Rule {

    @Override
    public String id() {
        return "maintainer";
    }

    @Override
    public Severity defaultSeverity() {
        return Severity.WARNING;
    }

    @Override
    public String description() {
        return "No deprecated MAINTAINER; use an org.opencontainers.image.authors label.";
    }

    @Override
    public List<String> hadolintCodes() {
        return List.of("DL4000");
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
