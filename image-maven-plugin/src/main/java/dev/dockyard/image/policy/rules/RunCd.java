package dev.dockyard.image.policy.rules;

import java.util.List;

import dev.dockyard.image.dockerfile.Instruction;
import dev.dockyard.image.policy.Rule;
import dev.dockyard.image.policy.RuleContext;
import dev.dockyard.image.policy.Severity;

/** {@code WORKDIR} rather than {@code cd} in {@code RUN} (hadolint DL3003). */
public final class RunCd implements Rule {

    @Override
    public String id() {
        return "run-cd";
    }

    @Override
    public Severity defaultSeverity() {
        return Severity.WARNING;
    }

    @Override
    public String description() {
        return "RUN does not cd; WORKDIR sets the directory.";
    }

    @Override
    public List<String> hadolintCodes() {
        return List.of("DL3003");
    }

    @Override
    public void check(RuleContext context) {
        for (Instruction i : context.dockerfile().instructions()) {
            if (i.is("RUN") && Shell.of(i).runs("cd")) {
                context.report(i, "RUN uses cd: set the directory with WORKDIR (absolute) instead");
            }
        }
    }
}
