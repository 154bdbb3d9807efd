package dev.dockyard.image.policy.rules;

import java.util.ArrayList;
import java.util.List;

import dev.dockyard.image.dockerfile.Instruction;
import dev.dockyard.image.policy.Rule;
import dev.dockyard.image.policy.RuleContext;
import dev.dockyard.image.policy.Severity;

/** Packages installed with {@code apt-get install} have pinned versions ({@code pkg=1.2.3}) (hadolint DL3008). */
public final class AptPinned implements Rule {

    private static final List<String> WITH_VALUE = List.of("-o", "-c", "-t", "--target-release");

    @Override
    public String id() {
        return "apt-pinned";
    }

    @Override
    public Severity defaultSeverity() {
        return Severity.WARNING;
    }

    @Override
    public String description() {
        return "apt-get install pins package versions (pkg=version).";
    }

    @Override
    public List<String> hadolintCodes() {
        return List.of("DL3008");
    }

    @Override
    public void check(RuleContext context) {
        for (Instruction i : context.dockerfile().instructions()) {
            if (!i.is("RUN")) {
                continue;
            }
            List<String> unpinned = new ArrayList<>();
            for (List<String> args : Apt.aptInstalls(i)) {
                for (String p : Apt.packages(args, WITH_VALUE)) {
                    if (!p.contains("=") && !p.endsWith(".deb")) {
                        unpinned.add(p);
                    }
                }
            }
            if (!unpinned.isEmpty()) {
                context.report(i, "apt-get install without pinned versions: " + String.join(", ", unpinned)
                        + " (pin as package=version)");
            }
        }
    }
}
