package dev.dockyard.image.dockerfile;

import dev.dockyard.image.support.UserFixableException;

/**
 * A Dockerfile that cannot be parsed. The message is positioned like a compiler error:
 * {@code Dockerfile:12:1 unknown instruction: RUNN}.
 */
public final class DockerfileSyntaxException extends UserFixableException {

    private static final long serialVersionUID = 1L;

    private final String path;
    private final int line;
    private final int column;
    private final String reason;

    public DockerfileSyntaxException(String path, int line, int column, String reason) {
        super(path + ":" + line + ":" + column + " " + reason);
        this.path = path;
        this.line = line;
        this.column = column;
        this.reason = reason;
    }

    /** @return the path the Dockerfile was parsed under */
    public String path() {
        return path;
    }

    /** @return 1-based line of the error */
    public int line() {
        return line;
    }

    /** @return 1-based column of the error */
    public int column() {
        return column;
    }

    /** @return the message without its position */
    public String reason() {
        return reason;
    }
}
