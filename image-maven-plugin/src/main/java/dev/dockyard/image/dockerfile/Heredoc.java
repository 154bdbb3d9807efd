package dev.dockyard.image.dockerfile;

/**
 * A here-document attached to a {@code RUN}, {@code COPY} or {@code ADD} instruction.
 *
 * @param delimiter  the word that ends the document
 * @param content    the body, one {@code \n} after each line, leading tabs removed for {@code <<-}
 * @param stripTabs  {@code true} for {@code <<-EOF}
 * @param quoted     {@code true} when the delimiter was quoted (no variable expansion in the body)
 * @param line       1-based line of the first body line
 */
public record Heredoc(String delimiter, String content, boolean stripTabs, boolean quoted, int line) {}
