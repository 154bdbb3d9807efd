package dev.dockyard.image.policy;

import dev.dockyard.image.support.UserFixableException;
import java.util.ArrayList;
import java.util.List;

/**
 * The lint parameters as the user wrote them ({@code image.failOn}, {@code image.lint.*}), and their one parser.
 *
 * @param failOn            lowest failing severity, or {@code none}
 * @param severities        {@code rule=severity} entries ({@code off} switches the rule off)
 * @param disabledRules     rule ids switched off
 * @param allowedRegistries registries base images may come from
 * @param digestPinSeverity severity of rule {@code base-image-digest}, {@code off}, or blank for its default
 */
public record LintParameters(
        String failOn,
        List<String> severities,
        List<String> disabledRules,
        List<String> allowedRegistries,
        String digestPinSeverity) {

    /** The parameters as one line, to tell whether they changed since an earlier lint. */
    public String line(boolean lintSkip) {
        return String.join(
                "|",
                String.valueOf(failOn),
                String.valueOf(lintSkip),
                String.valueOf(severities),
                String.valueOf(disabledRules),
                String.valueOf(allowedRegistries),
                String.valueOf(digestPinSeverity));
    }

    /**
     * The linter for these parameters.
     *
     * @throws UserFixableException naming the parameter and the value at fault, or the unknown rule ids
     */
    public Linter linter() throws UserFixableException {
        LintSettings settings = settings();
        try {
            return new Linter(settings);
        } catch (IllegalArgumentException e) {
            throw new UserFixableException("Invalid lint configuration: " + e.getMessage());
        }
    }

    /**
     * The lint settings.
     *
     * @throws UserFixableException naming the parameter and the value at fault
     */
    public LintSettings settings() throws UserFixableException {
        LintSettings.Builder b = LintSettings.builder();
        try {
            b.failOn(FailOn.parse(failOn));
        } catch (IllegalArgumentException e) {
            throw new UserFixableException("failOn", e.getMessage());
        }
        List<String> off = new ArrayList<>(nz(disabledRules));
        if (digestPinSeverity != null && !digestPinSeverity.isBlank()) {
            if (digestPinSeverity.trim().equalsIgnoreCase("off")) {
                off.add(LintSettings.DIGEST_RULE);
            } else {
                b.digestPinSeverity(severity(digestPinSeverity, "digestPinSeverity", ""));
            }
        }
        for (String entry : nz(severities)) {
            if (entry == null || entry.isBlank()) {
                continue;
            }
            int eq = entry.indexOf('=');
            if (eq <= 0) {
                throw new UserFixableException(
                        "lintSeverities", "entry '" + entry + "': use rule=severity, e.g. user-numeric=warning");
            }
            String rule = entry.substring(0, eq).trim();
            String value = entry.substring(eq + 1).trim();
            if (value.equalsIgnoreCase("off")) {
                off.add(rule);
            } else {
                b.severity(rule, severity(value, "lintSeverities", "entry '" + entry + "': "));
            }
        }
        b.disable(off);
        b.allowedRegistries(nz(allowedRegistries));
        try {
            return b.build();
        } catch (IllegalArgumentException e) {
            throw new UserFixableException("Invalid lint configuration: " + e.getMessage());
        }
    }

    private static Severity severity(String value, String parameter, String entry) throws UserFixableException {
        try {
            return Severity.parse(value);
        } catch (IllegalArgumentException e) {
            throw new UserFixableException(parameter, entry + e.getMessage() + " (or off)");
        }
    }

    private static List<String> nz(List<String> list) {
        return list == null ? List.of() : list;
    }
}
