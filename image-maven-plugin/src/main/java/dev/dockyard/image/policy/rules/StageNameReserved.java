package dev.dockyard.image.policy.rules;

import java.util.Set;

import dev.dockyard.image.dockerfile.Stage;
import dev.dockyard.image.policy.Rule;
import dev.dockyard.image.policy.RuleContext;
import dev.dockyard.image.policy.Severity;

/** Stage names are not reserved words ({@code scratch}, {@code context}) (Docker ReservedStageName). */
public final class StageNameReserved implements Rule {

    private static final Set<String> RESERVED = Set.of("scratch", "context");

    @Override
    public String id() {
        return "stage-name-reserved";
    }

    @Override
    public Severity defaultSeverity() {
        return Severity.ERROR;
    }

    @Override
    public String description() {
        return "Stage names are not reserved words (scratch, context).";
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
