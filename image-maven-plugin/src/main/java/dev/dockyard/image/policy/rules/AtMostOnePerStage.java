package dev.dockyard.image.policy.rules;

import java.util.List;

import dev.dockyard.image.dockerfile.Instruction;
import dev.dockyard.image.policy.Rule;
import dev.dockyard.image.policy.RuleContext;
import dev.dockyard.image.policy.Severity;

/** Base for "at most one X per stage" rules: reports every occurrence after the first. */
abstract class AtMostOnePerStage implements Rule {

    private final String keyword;
    private final String id;
    private final Severity severity;
    private final String hadolint;

    AtMostOnePerStage(String keyword, Severity severity, String hadolint) {
        this.keyword = keyword;
        this.id = "multiple-" + keyword.toLowerCase(java.util.Locale.ROOT);
        this.severity = severity;
        this.hadolint = hadolint;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public Severity defaultSeverity() {
        return severity;
    }

    @Override
    public String description() {
        return "A stage has at most one " + keyword + "; only the last one takes effect.";
    }

    @Override
    public List<String> hadolintCodes() {
        return List.of(hadolint);
    }

    @Override
    public void check(RuleContext context) {
        context.stages().forEach(stage -> {
            List<Instruction> all = stage.all(keyword);
            for (int i = 1; i < all.size(); i++) {
                context.report(all.get(i), "more than one " + keyword + " in stage " + stage.displayName()
                        + " (first at line " + all.get(0).line() + "); only the last takes effect: keep one");
            }
        });
    }
}
