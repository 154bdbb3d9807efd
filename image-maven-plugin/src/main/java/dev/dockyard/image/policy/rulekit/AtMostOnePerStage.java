package dev.dockyard.image.policy.rulekit;

import dev.dockyard.image.dockerfile.Instruction;
import dev.dockyard.image.policy.RuleContext;
import dev.dockyard.image.policy.Severity;
import java.util.List;
import java.util.Locale;

/** Base for "at most one X per stage" rules: reports every occurrence after the first. */
public abstract class AtMostOnePerStage extends BaseRule {

    private final String keyword;

    protected AtMostOnePerStage(String keyword, Severity severity, String hadolint) {
        super(
                "multiple-" + keyword.toLowerCase(Locale.ROOT),
                severity,
                "A stage has at most one " + keyword + "; only the last one takes effect.",
                hadolint);
        this.keyword = keyword;
    }

    @Override
    public void check(RuleContext context) {
        context.stages().forEach(stage -> {
            List<Instruction> all = stage.all(keyword);
            for (int i = 1; i < all.size(); i++) {
                context.report(
                        all.get(i),
                        "more than one " + keyword + " in stage " + stage.displayName() + " (first at line "
                                + all.get(0).line() + "); only the last takes effect: keep one");
            }
        });
    }
}
