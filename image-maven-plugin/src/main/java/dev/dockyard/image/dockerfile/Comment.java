package dev.dockyard.image.dockerfile;

/**
 * A comment line (including comments inside line continuations), kept for suppression pragmas.
 *
 * @param line   1-based line
 * @param column 1-based column of the {@code #}
 * @param text   the text after {@code #}, trimmed
 */
public record Comment(int line, int column, String text) {}
