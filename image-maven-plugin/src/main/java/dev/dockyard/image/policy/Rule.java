package dev.dockyard.image.policy;

import java.util.List;

/**
 * A lint rule. Implementations are stateless, have a public no-argument constructor and are listed in
 * {@code META-INF/services/dev.dockyard.image.policy.Rule}; {@link Rules#all()} finds them with
 * {@link java.util.ServiceLoader}, so adding a rule never touches a switch.
 */
public interface Rule {

    /** @return stable id used in findings, pragmas and configuration, e.g. {@code user-root} */
    String id();

    /** @return severity unless the configuration overrides it */
    Severity defaultSeverity();

    /** @return one-line description of what the rule asks for */
    String description();

    /** @return hadolint codes this rule corresponds to; {@code # hadolint ignore=} with one of them silences it */
    default List<String> hadolintCodes() {
        return List.of();
    }

    /**
     * Reports violations through {@link RuleContext#report}.
     *
     * @param context the parsed file, its stage graph and the settings
     */
    void check(RuleContext context);
}
