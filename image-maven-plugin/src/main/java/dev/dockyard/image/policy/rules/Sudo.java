package dev.dockyard.image.policy.rules;

import dev.dockyard.image.dockerfile.Instruction;
import dev.dockyard.image.policy.RuleContext;
import dev.dockyard.image.policy.Severity;
import dev.dockyard.image.policy.rulekit.BaseRule;
import dev.dockyard.image.policy.rulekit.Shell;

/** No {@code sudo} in {@code RUN} (hadolint DL3004). */
public final class Sudo extends BaseRule {

    public Sudo() {
        super("sudo", Severity.ERROR, "RUN does not use sudo.", "DL3004");
    }

    @Override
    public void check(RuleContext context) {
        for (Instruction i : all(context, "RUN")) {
            if (Shell.of(i).runs("sudo")) {
                context.report(
                        i,
                        "RUN uses sudo: build steps already run as the current USER; switch with USER "
                                + "instead (sudo also leaves a setuid binary in the image)");
            }
        }
    }
}
