package dev.dockyard.image.dockerfile;

import java.util.List;
import java.util.Locale;

/**
 * One instruction of a Dockerfile with its position. Continuation lines are joined (without the escape character),
 * comments inside continuations dropped, flags split off and here-documents attached.
 */
public final class Instruction {

    private final String keyword;
    private final int line;
    private final int column;
    private final int endLine;
    private final List<Flag> flags;
    private final String arguments;
    private final String expanded;
    private final List<String> json;
    private final List<Heredoc> heredocs;
    private final int stage;

    Instruction(
            String keyword,
            int line,
            int column,
            int endLine,
            List<Flag> flags,
            String arguments,
            String expanded,
            List<String> json,
            List<Heredoc> heredocs,
            int stage) {
        this.keyword = keyword;
        this.line = line;
        this.column = column;
        this.endLine = endLine;
        this.flags = List.copyOf(flags);
        this.arguments = arguments;
        this.expanded = expanded;
        this.json = json == null ? null : List.copyOf(json);
        this.heredocs = List.copyOf(heredocs);
        this.stage = stage;
    }

    /** @return the keyword in upper case, e.g. {@code RUN} (keywords are case-insensitive in the source) */
    public String keyword() {
        return keyword;
    }

    /** @return {@code true} when this instruction's keyword is {@code kw} (any case) */
    public boolean is(String kw) {
        return keyword.equalsIgnoreCase(kw);
    }

    /** @return 1-based line of the keyword */
    public int line() {
        return line;
    }

    /** @return 1-based column of the keyword */
    public int column() {
        return column;
    }

    /** @return 1-based last line of the instruction, here-document bodies included */
    public int endLine() {
        return endLine;
    }

    /** @return the flags in source order */
    public List<Flag> flags() {
        return flags;
    }

    /** @return the value of flag {@code name}, {@code ""} for a bare flag, or {@code null} when absent */
    public String flag(String name) {
        for (Flag f : flags) {
            if (f.name().equals(name.toLowerCase(Locale.ROOT))) {
                return f.value() == null ? "" : f.value();
            }
        }
        return null;
    }

    /** @return the arguments after keyword and flags, continuation lines joined, as written */
    public String arguments() {
        return arguments;
    }

    /**
     * @return the arguments with build variables ({@code ARG}/{@code ENV}) substituted for the instructions Docker
     *         expands ({@code FROM}, {@code COPY}, {@code ADD}, {@code ENV}, {@code ARG}, {@code LABEL}, {@code EXPOSE},
     *         {@code USER}, {@code WORKDIR}, {@code VOLUME}, {@code STOPSIGNAL}); the arguments as written otherwise.
     *         Undefined variables expand to the empty string.
     */
    public String expanded() {
        return expanded;
    }

    /** @return the exec-form (JSON array) arguments, or {@code null} for the shell form */
    public List<String> json() {
        return json;
    }

    /** @return {@code true} when the arguments are a JSON array (exec form) */
    public boolean isExecForm() {
        return json != null;
    }

    /** @return the here-documents in the order their markers appear */
    public List<Heredoc> heredocs() {
        return heredocs;
    }

    /** @return 0-based index of the stage this instruction belongs to, {@code -1} for an {@code ARG} before the first {@code FROM} */
    public int stage() {
        return stage;
    }

    /**
     * The shell text of a {@code RUN} (or of the command of {@code CMD}, {@code ENTRYPOINT}): the shell-form
     * arguments followed by the bodies of its here-documents; the exec-form words joined by spaces.
     *
     * @return the script text
     */
    public String script() {
        StringBuilder sb = new StringBuilder(json != null ? String.join(" ", json) : arguments);
        for (Heredoc h : heredocs) {
            sb.append('\n').append(h.content());
        }
        return sb.toString();
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(keyword);
        for (Flag f : flags) {
            sb.append(' ').append(f);
        }
        return sb.append(' ')
                .append(arguments)
                .append(" @")
                .append(line)
                .append(':')
                .append(column)
                .toString();
    }
}
