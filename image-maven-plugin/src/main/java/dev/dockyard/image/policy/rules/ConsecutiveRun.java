package dev.dockyard.image.policy.rules;

import dev.dockyard.image.dockerfile.Instruction;
import dev.dockyard.image.dockerfile.Stage;
import dev.dockyard.image.policy.RuleContext;
import dev.dockyard.image.policy.Severity;
import dev.dockyard.image.policy.rulekit.BaseRule;
import java.util.List;

/** Consecutive {@code RUN}s with the same flags could be one layer (hadolint DL3059). */
public final class ConsecutiveRun extends BaseRule {

    public ConsecutiveRun() {
        super("consecutive-run", Severity.INFO, "Consecutive RUN instructions are merged into one.", "DL3059");
    }

    @Override
    public void check(RuleContext context) {
        for (Stage s : context.stages()) {
            List<Instruction> all = s.instructions();
            for (int k = 1; k < all.size(); k++) {
                Instruction prev = all.get(k - 1);
                Instruction cur = all.get(k);
                if (prev.is("RUN") && cur.is("RUN") && prev.flags().equals(cur.flags())) {
                    context.report(
                            cur,
                            "RUN follows the RUN at line " + prev.line() + ": join them with && into " + "one layer");
                }
            }
        }
    }
}
