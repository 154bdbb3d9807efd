package dev.dockyard.image.policy.rules;

import dev.dockyard.image.dockerfile.Instruction;
import dev.dockyard.image.policy.RuleContext;
import dev.dockyard.image.policy.Severity;
import dev.dockyard.image.policy.rulekit.Apt;
import dev.dockyard.image.policy.rulekit.BaseRule;
import java.util.List;

/** {@code apt-get install} uses {@code --no-install-recommends} (hadolint DL3015). */
public final class AptNoRecommends extends BaseRule {

    public AptNoRecommends() {
        super("apt-no-recommends", Severity.INFO, "apt-get install uses --no-install-recommends.", "DL3015");
    }

    @Override
    public void check(RuleContext context) {
        for (Instruction i : all(context, "RUN")) {
            for (List<String> args : Apt.aptInstalls(i)) {
                if (!args.contains("--no-install-recommends") && !args.contains("-o=APT::Install-Recommends=false")) {
                    context.report(
                            i,
                            "apt-get install without --no-install-recommends pulls in extra packages: "
                                    + "add --no-install-recommends");
                    break;
                }
            }
        }
    }
}
