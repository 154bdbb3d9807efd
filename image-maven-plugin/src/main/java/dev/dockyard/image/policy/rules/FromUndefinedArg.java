package dev.dockyard.image.policy.rules;

import dev.dockyard.image.dockerfile.DockerfileParser;
import dev.dockyard.image.dockerfile.Flag;
import dev.dockyard.image.dockerfile.Instruction;
import dev.dockyard.image.dockerfile.ShellWords;
import dev.dockyard.image.dockerfile.Stage;
import dev.dockyard.image.dockerfile.Substitution;
import dev.dockyard.image.policy.RuleContext;
import dev.dockyard.image.policy.Severity;
import dev.dockyard.image.policy.rulekit.BaseRule;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Variables in {@code FROM} are declared by an {@code ARG} before the first {@code FROM} (Docker UndefinedArgInFrom). */
public final class FromUndefinedArg extends BaseRule {

    public FromUndefinedArg() {
        super(
                "from-undefined-arg",
                Severity.WARNING,
                "Variables used in FROM are declared with ARG before the first FROM.");
    }

    @Override
    public void check(RuleContext context) {
        char escape = context.dockerfile().escape();
        Map<String, String> declared = new HashMap<>();
        for (String p : DockerfileParser.PREDEFINED_ARGS) {
            declared.put(p, null);
        }
        for (Instruction arg : context.dockerfile().globalArgs()) {
            for (String w : ShellWords.split(arg.arguments(), escape)) {
                int eq = w.indexOf('=');
                declared.put(eq < 0 ? w : w.substring(0, eq), "");
            }
        }
        for (Stage s : context.stages()) {
            Instruction from = s.from();
            StringBuilder text = new StringBuilder(from.arguments());
            for (Flag f : from.flags()) {
                text.append(' ').append(f.value() == null ? "" : f.value());
            }
            List<String> undefined = List.copyOf(
                    Substitution.expand(text.toString(), declared, escape).undefined());
            if (!undefined.isEmpty()) {
                context.report(
                        from,
                        "FROM uses undeclared variable(s) " + String.join(", ", undefined)
                                + ": declare them with ARG before the first FROM");
            }
        }
    }
}
