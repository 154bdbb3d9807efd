package dev.dockyard.image.policy.rules;

import dev.dockyard.image.dockerfile.Stage;
import dev.dockyard.image.policy.RuleContext;
import dev.dockyard.image.policy.Severity;
import dev.dockyard.image.policy.rulekit.BaseRule;
import java.util.Set;

/** Stage names are not reserved words ({@code scratch}, {@code context}) (Docker ReservedStageName). */
public final class StageNameReserved extends BaseRule {

    private static final Set<String> RESERVED = Set.of("scratch", "context");

    public StageNameReserved() {
        super("stage-name-reserved", Severity.ERROR, "Stage names are not reserved words (scratch, context).");
    }

    @Override
    public void check(RuleContext context) {
        for (Stage s : context.stages()) {
            if (s.name() != null && RESERVED.contains(s.name())) {
                context.report(s.from(), "stage name '" + s.name() + "' is reserved: choose another name");
            }
        }
    }
}
