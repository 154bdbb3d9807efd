package dev.dockyard.image.policy.rules;

import dev.dockyard.image.dockerfile.Instruction;
import dev.dockyard.image.policy.RuleContext;
import dev.dockyard.image.policy.Severity;
import dev.dockyard.image.policy.rulekit.Apt;
import dev.dockyard.image.policy.rulekit.BaseRule;
import java.util.List;

/** {@code apt-get install} runs non-interactively with {@code -y} (hadolint DL3014). */
public final class AptGetYes extends BaseRule {

    public AptGetYes() {
        super("apt-get-yes", Severity.WARNING, "apt-get install uses -y.", "DL3014");
    }

    @Override
    public void check(RuleContext context) {
        for (Instruction i : all(context, "RUN")) {
            for (List<String> args : Apt.aptInstalls(i)) {
                if (!Apt.hasOption(args, 'y', "--yes", "--assume-yes")
                        && !args.contains("-qq")
                        && !args.contains("-q=2")) {
                    context.report(i, "apt-get install without -y waits for confirmation: add -y");
                    break;
                }
            }
        }
    }
}
