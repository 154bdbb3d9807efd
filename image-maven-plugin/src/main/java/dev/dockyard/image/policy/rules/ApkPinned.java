package dev.dockyard.image.policy.rules;

import java.util.ArrayList;
import java.util.List;

import dev.dockyard.image.dockerfile.Instruction;
import dev.dockyard.image.policy.Rule;
import dev.dockyard.image.policy.RuleContext;
import dev.dockyard.image.policy.Severity;

/** Packages installed with {@code apk add} have pinned versions ({@code pkg=1.2.3-r0}) (hadolint DL3018). */
public final class ApkPinned implements Rule {

    private static final List<String> WITH_VALUE = List.of("-t", "--virtual", "-X", "--repository", "-p", "--root",
            "--arch", "--keys-dir", "--repositories-file", "--cache-dir");

    @Override
    public String id() {
        return "apk-pinned";
    }

    @Override
    public Severity defaultSeverity() {
        return Severity.WARNING;
    }

    @Override
    public String description() {
        return "apk add pins package versions (pkg=version).";
    }

    @Override
    public List<String> hadolintCodes() {
        return List.of("DL3018");
    }

    @Override
    public void check(RuleContext context) {
        for (Instruction i : context.dockerfile().instructions()) {
            if (!i.is("RUN")) {
                continue;
            }
            List<String> unpinned = new ArrayList<>();
            for (List<String> args : Apt.apkAdds(i)) {
                for (String p : Apt.packages(args, WITH_VALUE)) {
                    if (!p.contains("=") && !p.endsWith(".apk")) {
                        unpinned.add(p);
                    }
                }
            }
            if (!unpinned.isEmpty()) {
                context.report(i, "apk add without pinned versions: " + String.join(", ", unpinned)
                        + " (pin as package=version)");
            }
        }
    }
}
