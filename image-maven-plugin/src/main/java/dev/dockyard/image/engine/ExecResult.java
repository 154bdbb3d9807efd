package dev.dockyard.image.engine;

/**
 * How a command run in a container ({@link Engine#exec}) ended.
 *
 * @param exitCode its exit code, or {@link #NOT_FINISHED} when it did not end in time
 * @param output   what it wrote (stdout and stderr)
 */
public record ExecResult(long exitCode, String output) {

    /** The exit code of a command that did not end within its timeout. */
    public static final long NOT_FINISHED = -1;

    /** Exit code and first output line, e.g. {@code exit 1: connection refused}. */
    public String summary() {
        String first = output.lines()
                .map(String::strip)
                .filter(l -> !l.isEmpty())
                .findFirst()
                .orElse("");
        String code = exitCode == NOT_FINISHED ? "no exit within its timeout" : "exit " + exitCode;
        return first.isEmpty() ? code : code + ": " + first;
    }
}
