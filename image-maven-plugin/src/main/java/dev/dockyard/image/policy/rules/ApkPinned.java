package dev.dockyard.image.policy.rules;

import dev.dockyard.image.dockerfile.Instruction;
import dev.dockyard.image.policy.RuleContext;
import dev.dockyard.image.policy.Severity;
import dev.dockyard.image.policy.rulekit.Apt;
import dev.dockyard.image.policy.rulekit.BaseRule;
import java.util.List;

/** Packages installed with {@code apk add} have pinned versions ({@code pkg=1.2.3-r0}) (hadolint DL3018). */
public final class ApkPinned extends BaseRule {

    private static final List<String> WITH_VALUE = List.of(
            "-t",
            "--virtual",
            "-X",
            "--repository",
            "-p",
            "--root",
            "--arch",
            "--keys-dir",
            "--repositories-file",
            "--cache-dir");

    public ApkPinned() {
        super("apk-pinned", Severity.WARNING, "apk add pins package versions (pkg=version).", "DL3018");
    }

    @Override
    public void check(RuleContext context) {
        for (Instruction i : all(context, "RUN")) {
            List<String> unpinned = Apt.unpinned(Apt.apkAdds(i), WITH_VALUE, ".apk");
            if (!unpinned.isEmpty()) {
                context.report(
                        i,
                        "apk add without pinned versions: " + String.join(", ", unpinned)
                                + " (pin as package=version)");
            }
        }
    }
}
