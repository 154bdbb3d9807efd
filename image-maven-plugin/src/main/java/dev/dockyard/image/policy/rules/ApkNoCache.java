package dev.dockyard.image.policy.rules;

import dev.dockyard.image.dockerfile.Flag;
import dev.dockyard.image.dockerfile.Instruction;
import dev.dockyard.image.policy.RuleContext;
import dev.dockyard.image.policy.Severity;
import dev.dockyard.image.policy.rulekit.Apt;
import dev.dockyard.image.policy.rulekit.BaseRule;
import java.util.List;

/** {@code apk add} uses {@code --no-cache} (hadolint DL3019); a cache mount on /var/cache/apk counts. */
public final class ApkNoCache extends BaseRule {

    public ApkNoCache() {
        super("apk-no-cache", Severity.INFO, "apk add uses --no-cache.", "DL3019");
    }

    @Override
    public void check(RuleContext context) {
        for (Instruction i : context.dockerfile().instructions()) {
            if (!i.is("RUN") || cacheMounted(i)) {
                continue;
            }
            for (List<String> args : Apt.apkAdds(i)) {
                if (!args.contains("--no-cache")) {
                    context.report(
                            i, "apk add without --no-cache keeps the package index in the layer: add " + "--no-cache");
                    break;
                }
            }
        }
    }

    private static boolean cacheMounted(Instruction i) {
        for (Flag f : i.flags()) {
            if (f.name().equals("mount") && f.value() != null && f.value().contains("/var/cache/apk")) {
                return true;
            }
        }
        return false;
    }
}
