package dev.dockyard.image.policy.rules;

import java.util.List;

import dev.dockyard.image.dockerfile.Instruction;
import dev.dockyard.image.policy.Rule;
import dev.dockyard.image.policy.RuleContext;
import dev.dockyard.image.policy.Severity;

/** No {@code sudo} in {@code RUN} (hadolint DL3004). */
public final class Sudo implements Rule {

    @Override
    public String id() {
        return "sudo";
    }

    @Override
    public Severity defaultSeverity() {
        return Severity.ERROR;
    }

    @Override
    public String description() {
        return "RUN does not use sudo.";
    }

    @Override
    public List<String> hadolintCodes() {
        return List.of("DL3004");
    }

    @Override
    public void check(RuleContext context) {
        for (Instruction i : context.dockerfile().instructions()) {
            if (i.is("RUN") && Shell.of(i).runs("sudo")) {
                context.report(i, "RUN uses sudo: build steps already run as the current USER; switch with USER "
                        + "instead (sudo also leaves a setuid binary in the image)");
            }
        }
    }
}
