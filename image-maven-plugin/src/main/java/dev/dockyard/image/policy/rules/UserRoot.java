package dev.dockyard.image.policy.rules;

import dev.dockyard.image.dockerfile.Instruction;
import dev.dockyard.image.dockerfile.Users;
import dev.dockyard.image.policy.RuleContext;
import dev.dockyard.image.policy.Severity;
import dev.dockyard.image.policy.rulekit.BaseRule;
import dev.dockyard.image.policy.rulekit.FinalImage;

/** The final stage sets a non-root {@code USER} (hadolint DL3002). */
public final class UserRoot extends BaseRule {

    public UserRoot() {
        super("user-root", Severity.ERROR, "The final stage runs as a non-root USER.", "DL3002");
    }

    @Override
    public void check(RuleContext context) {
        Instruction user = FinalImage.effective(context.dockerfile(), "USER");
        if (user == null) {
            context.report(
                    context.dockerfile().finalStage().from(),
                    "final stage has no USER and runs as root: add USER 65532:65532 (a numeric non-root UID)");
            return;
        }
        String value = user.expanded().trim();
        // a USER whose variable has no value in the file (USER $APP_UID from the base image) is not known to be root
        if (!value.isEmpty() && Users.isRoot(value)) {
            context.report(
                    user,
                    "final stage runs as root (USER " + value + "): switch to a non-root user, e.g. USER 65532:65532");
        }
    }
}
