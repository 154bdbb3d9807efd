package dev.dockyard.image.policy.rules;

import dev.dockyard.image.dockerfile.Instruction;
import dev.dockyard.image.dockerfile.ShellWords;
import dev.dockyard.image.policy.RuleContext;
import dev.dockyard.image.policy.Severity;
import dev.dockyard.image.policy.rulekit.BaseRule;
import java.util.List;

/** {@code CMD} and {@code ENTRYPOINT} use the exec (JSON) form (hadolint DL3025, Docker JSONArgsRecommended). */
public final class ExecForm extends BaseRule {

    public ExecForm() {
        super(
                "exec-form",
                Severity.WARNING,
                "CMD and ENTRYPOINT use the exec (JSON array) form so signals reach the process.",
                "DL3025");
    }

    @Override
    public void check(RuleContext context) {
        for (Instruction i : context.dockerfile().instructions()) {
            if ((i.is("CMD") || i.is("ENTRYPOINT")) && !i.isExecForm()) {
                context.report(
                        i,
                        i.keyword() + " uses the shell form: use the exec form " + i.keyword() + " "
                                + suggestion(ShellWords.split(
                                        i.arguments(), context.dockerfile().escape()))
                                + " so the process gets signals as PID 1");
            }
        }
    }

    private static String suggestion(List<String> words) {
        StringBuilder sb = new StringBuilder("[");
        for (String w : words) {
            if (sb.length() > 1) {
                sb.append(", ");
            }
            sb.append('"').append(w.replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
        }
        return sb.append(']').toString();
    }
}
