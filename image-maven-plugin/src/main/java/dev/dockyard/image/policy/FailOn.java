package dev.dockyard.image.policy;

import dev.dockyard.image.support.Values;
import java.util.Locale;

/** The lowest severity that fails a build; {@link #NONE} reports without failing. */
public enum FailOn {
    ERROR(Severity.ERROR),
    WARNING(Severity.WARNING),
    INFO(Severity.INFO),
    NONE(null);

    private final Severity lowest;

    FailOn(Severity lowest) {
        this.lowest = lowest;
    }

    /** @return {@code true} when a finding of {@code severity} is at or above this threshold */
    public boolean fails(Severity severity) {
        return lowest != null && severity.ordinal() <= lowest.ordinal();
    }

    /** @return the lower-case name */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * @param text {@code error}, {@code warning}, {@code info} or {@code none} (any case)
     * @return the threshold
     * @throws IllegalArgumentException naming the accepted values
     */
    public static FailOn parse(String text) {
        return Values.constant(FailOn.class, text)
                .orElseThrow(() -> new IllegalArgumentException(
                        "'" + text + "' is not a failOn threshold: use error, warning, info or none"));
    }
}
