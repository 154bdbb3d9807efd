package dev.dockyard.image.policy.rules;

import dev.dockyard.image.dockerfile.Flag;
import dev.dockyard.image.dockerfile.Instruction;
import dev.dockyard.image.dockerfile.Stage;
import dev.dockyard.image.policy.RuleContext;
import dev.dockyard.image.policy.Severity;
import dev.dockyard.image.policy.rulekit.Apt;
import dev.dockyard.image.policy.rulekit.BaseRule;
import dev.dockyard.image.policy.rulekit.FinalImage;
import dev.dockyard.image.policy.rulekit.Shell;
import java.util.List;

/**
 * A {@code RUN} in the final image that runs {@code apt-get install} also removes {@code /var/lib/apt/lists}
 * (hadolint DL3009); a cache mount on that directory counts as removal.
 */
public final class AptListsRemoved extends BaseRule {

    public AptListsRemoved() {
        super(
                "apt-lists-removed",
                Severity.INFO,
                "apt-get lists are removed in the RUN that installs (final image only).",
                "DL3009");
    }

    @Override
    public void check(RuleContext context) {
        for (Stage s : FinalImage.chain(context.dockerfile())) {
            for (Instruction i : s.all("RUN")) {
                if (Apt.aptInstalls(i).isEmpty() || cacheMounted(i)) {
                    continue;
                }
                boolean removed = false;
                for (List<String> rm : Shell.of(i).invocations("rm")) {
                    removed |= rm.stream().anyMatch(w -> w.startsWith("/var/lib/apt/lists"));
                }
                if (!removed) {
                    context.report(
                            i,
                            "apt-get install leaves /var/lib/apt/lists in the layer: end the RUN with "
                                    + "&& rm -rf /var/lib/apt/lists/*");
                }
            }
        }
    }

    private static boolean cacheMounted(Instruction i) {
        for (Flag f : i.flags()) {
            if (f.name().equals("mount")
                    && f.value() != null
                    && f.value().contains("type=cache")
                    && f.value().contains("/var/lib/apt")) {
                return true;
            }
        }
        return false;
    }
}
