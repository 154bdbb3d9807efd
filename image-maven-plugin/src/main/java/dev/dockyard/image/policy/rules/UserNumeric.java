package dev.dockyard.image.policy.rules;

import dev.dockyard.image.dockerfile.Instruction;
import dev.dockyard.image.policy.RuleContext;
import dev.dockyard.image.policy.Severity;
import dev.dockyard.image.policy.rulekit.BaseRule;
import dev.dockyard.image.policy.rulekit.FinalImage;

/** The final {@code USER} is a numeric UID, so runtimes can verify it is not root without reading /etc/passwd. */
public final class UserNumeric extends BaseRule {

    public UserNumeric() {
        super(
                "user-numeric",
                Severity.INFO,
                "The final USER is a numeric UID (Kubernetes runAsNonRoot can only verify numbers).");
    }

    @Override
    public void check(RuleContext context) {
        Instruction user = FinalImage.effective(context.dockerfile(), "USER");
        if (user == null) {
            return;
        }
        String value = user.expanded().trim();
        String name = value.contains(":") ? value.substring(0, value.indexOf(':')) : value;
        if (name.isEmpty() || name.equals("root") || name.chars().allMatch(Character::isDigit)) {
            return;
        }
        context.report(
                user,
                "USER " + value + " is a name: use a numeric UID[:GID] (e.g. USER 65532:65532) so "
                        + "runtimes can verify the user is not root");
    }
}
