package dev.dockyard.image.policy;

import dev.dockyard.image.support.Values;
import java.util.Locale;

/** How serious a finding is, from most to least severe. */
public enum Severity {
    ERROR,
    WARNING,
    INFO;

    /** @return the lower-case name used in console lines, reports and configuration */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * @param text {@code error}, {@code warning} or {@code info} (any case)
     * @return the severity
     * @throws IllegalArgumentException naming the accepted values
     */
    public static Severity parse(String text) {
        return Values.constant(Severity.class, text)
                .orElseThrow(() ->
                        new IllegalArgumentException("'" + text + "' is not a severity: use error, warning or info"));
    }
}
