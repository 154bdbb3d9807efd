package dev.dockyard.image.policy;

import java.util.Comparator;

/**
 * One rule violation at a position.
 *
 * @param path     file path as given to the linter
 * @param line     1-based line
 * @param column   1-based column
 * @param severity effective severity (after overrides)
 * @param rule     rule id, e.g. {@code user-root}
 * @param message  one-line explanation with the fix
 */
public record Finding(String path, int line, int column, Severity severity, String rule, String message)
        implements Comparable<Finding> {

    private static final Comparator<Finding> ORDER = Comparator.comparing(Finding::path)
            .thenComparingInt(Finding::line)
            .thenComparingInt(Finding::column)
            .thenComparing(Finding::rule)
            .thenComparing(Finding::message);

    /** @return the console form {@code path:line:col severity RULE message} */
    public String consoleLine() {
        return path + ":" + line + ":" + column + " " + severity.label() + " " + rule + " " + message;
    }

    @Override
    public int compareTo(Finding o) {
        return ORDER.compare(this, o);
    }
}
