package dev.dockyard.image.policy.rulekit;

import dev.dockyard.image.dockerfile.Instruction;
import dev.dockyard.image.policy.Rule;
import dev.dockyard.image.policy.RuleContext;
import dev.dockyard.image.policy.Severity;
import java.util.ArrayList;
import java.util.List;

/** Holds a rule's identity; subclasses only implement {@link #check(RuleContext)}. */
public abstract class BaseRule implements Rule {

    private final String id;
    private final Severity severity;
    private final String description;
    private final List<String> hadolint;

    protected BaseRule(String id, Severity severity, String description, String... hadolint) {
        this.id = id;
        this.severity = severity;
        this.description = description;
        this.hadolint = List.of(hadolint);
    }

    @Override
    public final String id() {
        return id;
    }

    @Override
    public final Severity defaultSeverity() {
        return severity;
    }

    @Override
    public final String description() {
        return description;
    }

    @Override
    public final List<String> hadolintCodes() {
        return hadolint;
    }

    /** @return every instruction of the file with keyword {@code kw}, in order */
    public static List<Instruction> all(RuleContext context, String kw) {
        List<Instruction> out = new ArrayList<>();
        for (Instruction i : context.dockerfile().instructions()) {
            if (i.is(kw)) {
                out.add(i);
            }
        }
        return out;
    }
}
