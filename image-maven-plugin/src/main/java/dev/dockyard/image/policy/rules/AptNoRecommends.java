package dev.dockyard.image.policy.rules;

import java.util.List;

import dev.dockyard.image.dockerfile.Instruction;
import dev.dockyard.image.policy.Rule;
import dev.dockyard.image.policy.RuleContext;
import dev.dockyard.image.policy.Severity;

/** {@code apt-get install} uses {@code --no-install-recommends} (hadolint DL3015). */
public final class AptNoRecommends implements Rule {

    @Override
    public String id() {
        return "apt-no-recommends";
    }

    @Override
    public Severity defaultSeverity() {
        return Severity.INFO;
    }

    @Override
    public String description() {
        return "apt-get install uses --no-install-recommends.";
    }

    @Override
    public List<String> hadolintCodes() {
        return List.of("DL3015");
    }

    @Override
    public void check(RuleContext context) {
        for (Instruction i : context.dockerfile().instructions()) {
            if (!i.is("RUN")) {
                continue;
            }
            for (List<String> args : Apt.aptInstalls(i)) {
                if (!args.contains("--no-install-recommends")
                        && !args.contains("-o=APT::Install-Recommends=false")) {
                    context.report(i, "apt-get install without --no-install-recommends pulls in extra packages: "
                            + "add --no-install-recommends");
                    break;
                }
            }
        }
    }
}
