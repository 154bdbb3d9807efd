package dev.dockyard.image.policy.rules;

import dev.dockyard.image.dockerfile.Instruction;
import dev.dockyard.image.dockerfile.ShellWords;
import dev.dockyard.image.policy.RuleContext;
import dev.dockyard.image.policy.Severity;
import dev.dockyard.image.policy.rulekit.BaseRule;
import java.util.List;

/** {@code WORKDIR} is an absolute path (hadolint DL3000, Docker WorkdirRelativePath). */
public final class WorkdirAbsolute extends BaseRule {

    public WorkdirAbsolute() {
        super("workdir-absolute", Severity.ERROR, "WORKDIR is an absolute path.", "DL3000");
    }

    @Override
    public void check(RuleContext context) {
        for (Instruction i : all(context, "WORKDIR")) {
            List<String> words =
                    ShellWords.split(i.expanded(), context.dockerfile().escape());
            String dir = words.isEmpty() ? "" : words.get(0);
            if (dir.isEmpty() || i.arguments().trim().startsWith("$")) {
                continue;
            }
            boolean windows = dir.length() >= 2 && Character.isLetter(dir.charAt(0)) && dir.charAt(1) == ':';
            if (!dir.startsWith("/") && !windows) {
                context.report(
                        i,
                        "WORKDIR " + dir + " is relative (it depends on the previous WORKDIR): use an "
                                + "absolute path such as /" + dir);
            }
        }
    }
}
