package dev.dockyard.image.policy.rules;

import dev.dockyard.image.dockerfile.Instruction;
import dev.dockyard.image.dockerfile.Stage;
import dev.dockyard.image.policy.RuleContext;
import dev.dockyard.image.policy.Severity;
import dev.dockyard.image.policy.rulekit.BaseRule;
import java.util.List;

/**
 * {@code COPY --from} names an earlier stage or an image reference (hadolint DL3022, DL3023): not the current
 * stage, not a later one, not an undefined name.
 */
public final class CopyFromStage extends BaseRule {

    public CopyFromStage() {
        super(
                "copy-from-stage",
                Severity.ERROR,
                "COPY --from names an earlier stage or an image reference.",
                "DL3022",
                "DL3023");
    }

    @Override
    public void check(RuleContext context) {
        List<Stage> stages = context.stages();
        for (Stage stage : stages) {
            for (Instruction i : stage.all("COPY")) {
                String from = i.flag("from");
                if (from == null || from.isEmpty() || from.contains("$")) {
                    continue;
                }
                String problem = problem(stages, stage, from);
                if (problem != null) {
                    context.report(i, "COPY --from=" + from + " " + problem);
                }
            }
        }
    }

    private static String problem(List<Stage> stages, Stage current, String from) {
        if (from.chars().allMatch(Character::isDigit)) {
            if (from.length() > 4 || Integer.parseInt(from) >= current.index()) {
                return "does not name an earlier stage (stage indexes start at 0; this is stage " + current.index()
                        + ")";
            }
            return null;
        }
        for (Stage s : stages) {
            if (from.equalsIgnoreCase(s.name())) {
                if (s.index() == current.index()) {
                    return "names its own stage: copy from an earlier stage";
                }
                if (s.index() > current.index()) {
                    return "names stage " + s.name() + " defined later (line "
                            + s.from().line() + "): define it before this stage";
                }
                return null;
            }
        }
        if (from.contains(":") || from.contains("/") || from.contains("@") || from.contains(".")) {
            return null; // an image reference
        }
        return "names no stage defined before it: add FROM ... AS " + from + " earlier, or use a full image "
                + "reference with a tag";
    }
}
