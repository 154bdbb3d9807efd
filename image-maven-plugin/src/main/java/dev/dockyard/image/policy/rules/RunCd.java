package dev.dockyard.image.policy.rules;

import dev.dockyard.image.dockerfile.Instruction;
import dev.dockyard.image.policy.RuleContext;
import dev.dockyard.image.policy.Severity;
import dev.dockyard.image.policy.rulekit.BaseRule;
import dev.dockyard.image.policy.rulekit.Shell;

/** {@code WORKDIR} rather than {@code cd} in {@code RUN} (hadolint DL3003). */
public final class RunCd extends BaseRule {

    public RunCd() {
        super("run-cd", Severity.WARNING, "RUN does not cd; WORKDIR sets the directory.", "DL3003");
    }

    @Override
    public void check(RuleContext context) {
        for (Instruction i : all(context, "RUN")) {
            if (Shell.of(i).runs("cd")) {
                context.report(i, "RUN uses cd: set the directory with WORKDIR (absolute) instead");
            }
        }
    }
}
