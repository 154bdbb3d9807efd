package dev.dockyard.image.policy.rules;

import dev.dockyard.image.dockerfile.Instruction;
import dev.dockyard.image.dockerfile.Stage;
import dev.dockyard.image.policy.RuleContext;
import dev.dockyard.image.policy.Severity;
import dev.dockyard.image.policy.rulekit.BaseRule;
import dev.dockyard.image.policy.rulekit.Shell;

/**
 * A shell-form {@code RUN} with a pipe sets {@code -o pipefail} (in the script or via {@code SHELL}), or a failing
 * command before the pipe goes unnoticed (hadolint DL4006).
 */
public final class Pipefail extends BaseRule {

    public Pipefail() {
        super("pipefail", Severity.WARNING, "A RUN with a pipe sets -o pipefail.", "DL4006");
    }

    @Override
    public void check(RuleContext context) {
        for (Stage s : context.stages()) {
            boolean shellPipefail = false;
            boolean posix = true;
            for (Stage base = s.baseStage(); base != null && base != s; base = base.baseStage()) {
                Instruction sh = base.last("SHELL");
                if (sh != null) {
                    shellPipefail = sh.json().contains("pipefail");
                    posix = posix(sh);
                    break;
                }
            }
            for (Instruction i : s.instructions()) {
                if (i.is("SHELL")) {
                    shellPipefail = i.json().contains("pipefail");
                    posix = posix(i);
                } else if (i.is("RUN") && !i.isExecForm() && posix && !shellPipefail) {
                    Shell sh = Shell.of(i);
                    if (sh.hasPipe() && !i.script().contains("pipefail")) {
                        context.report(
                                i,
                                "RUN pipes without pipefail, so a failure before the pipe is ignored: "
                                        + "add SHELL [\"/bin/bash\", \"-o\", \"pipefail\", \"-c\"] or start with set -o "
                                        + "pipefail &&");
                    }
                }
            }
        }
    }

    private static boolean posix(Instruction shell) {
        String exe = Shell.base(shell.json().get(0)).toLowerCase(java.util.Locale.ROOT);
        return !(exe.startsWith("pwsh") || exe.startsWith("powershell") || exe.startsWith("cmd"));
    }
}
