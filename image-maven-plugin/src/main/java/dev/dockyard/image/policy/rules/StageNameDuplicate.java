package dev.dockyard.image.policy.rules;

import dev.dockyard.image.dockerfile.Stage;
import dev.dockyard.image.policy.RuleContext;
import dev.dockyard.image.policy.Severity;
import dev.dockyard.image.policy.rulekit.BaseRule;
import java.util.HashMap;
import java.util.Map;

/** Stage names are unique (hadolint DL3024, Docker DuplicateStageName). */
public final class StageNameDuplicate extends BaseRule {

    public StageNameDuplicate() {
        super("stage-name-duplicate", Severity.ERROR, "Stage names are unique.", "DL3024");
    }

    @Override
    public void check(RuleContext context) {
        Map<String, Stage> seen = new HashMap<>();
        for (Stage s : context.stages()) {
            if (s.name() == null) {
                continue;
            }
            Stage first = seen.putIfAbsent(s.name(), s);
            if (first != null) {
                context.report(
                        s.from(),
                        "stage name '" + s.name() + "' is already used by the stage at line "
                                + first.from().line() + ": give each stage its own name");
            }
        }
    }
}
