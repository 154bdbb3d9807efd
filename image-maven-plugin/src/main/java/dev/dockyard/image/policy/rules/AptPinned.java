package dev.dockyard.image.policy.rules;

import dev.dockyard.image.dockerfile.Instruction;
import dev.dockyard.image.policy.RuleContext;
import dev.dockyard.image.policy.Severity;
import dev.dockyard.image.policy.rulekit.Apt;
import dev.dockyard.image.policy.rulekit.BaseRule;
import java.util.List;

/** Packages installed with {@code apt-get install} have pinned versions ({@code pkg=1.2.3}) (hadolint DL3008). */
public final class AptPinned extends BaseRule {

    private static final List<String> WITH_VALUE = List.of("-o", "-c", "-t", "--target-release");

    public AptPinned() {
        super("apt-pinned", Severity.WARNING, "apt-get install pins package versions (pkg=version).", "DL3008");
    }

    @Override
    public void check(RuleContext context) {
        for (Instruction i : all(context, "RUN")) {
            List<String> unpinned = Apt.unpinned(Apt.aptInstalls(i), WITH_VALUE, ".deb");
            if (!unpinned.isEmpty()) {
                context.report(
                        i,
                        "apt-get install without pinned versions: " + String.join(", ", unpinned)
                                + " (pin as package=version)");
            }
        }
    }
}
