package dev.dockyard.image.dockerfile;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * Docker's build-variable substitution: {@code $VAR}, {@code ${VAR}}, {@code ${VAR:-default}},
 * {@code ${VAR-default}}, {@code ${VAR:+alt}}, {@code ${VAR+alt}}, {@code ${VAR:?message}} (nesting allowed).
 * Text inside single quotes and escaped dollars are left alone; undefined variables expand to the empty string and
 * are reported in {@link #undefined()}.
 */
public final class Substitution {

    private static final int MAX_DEPTH = 64;

    private final String text;
    private final Map<String, String> vars;
    private final char escape;
    private final StringBuilder out = new StringBuilder();
    private final Set<String> undefined = new LinkedHashSet<>();
    private final Set<String> unset = new LinkedHashSet<>();
    private int pos;
    private int depth;
    private String error;
    private int errorOffset;

    private Substitution(String text, Map<String, String> vars, char escape) {
        this.text = text;
        this.vars = vars;
        this.escape = escape;
    }

    /**
     * Expands {@code text}.
     *
     * @param text   text to expand
     * @param vars   variable values (a key mapped to {@code null} counts as declared without a value)
     * @param escape the Dockerfile escape character
     * @return the finished substitution; check {@link #error()}
     */
    public static Substitution expand(String text, Map<String, String> vars, char escape) {
        Substitution s = new Substitution(text, vars, escape);
        s.out.append(s.word(text.length(), true));
        return s;
    }

    /** @return the expanded text (partial when {@link #error()} is set) */
    public String value() {
        return out.toString();
    }

    /** @return names referenced but neither declared nor given a default */
    public Set<String> undefined() {
        return undefined;
    }

    /** @return names declared without a value (e.g. {@code ARG BASE}) whose value was used: known only at build time */
    public Set<String> unset() {
        return unset;
    }

    /** @return {@code true} when the value depends on nothing unknown (no undefined or unset variable used) */
    public boolean resolved() {
        return undefined.isEmpty() && unset.isEmpty();
    }

    /** @return a syntax error message such as {@code missing '}'}, or {@code null} */
    public String error() {
        return error;
    }

    /** @return 0-based offset in the text of the error */
    public int errorOffset() {
        return errorOffset;
    }

    /** Expands until {@code end} or, when not top level, an unmatched '}' at depth 0. */
    private String word(int end, boolean topLevel) {
        StringBuilder sb = new StringBuilder();
        boolean single = false;
        while (pos < end && error == null) {
            char c = text.charAt(pos);
            if (!topLevel && c == '}' && !single) {
                return sb.toString();
            }
            if (c == escape && pos + 1 < end && !single) {
                char next = text.charAt(pos + 1);
                if (next == '$') {
                    sb.append('$');
                    pos += 2;
                    continue;
                }
                sb.append(c).append(next);
                pos += 2;
                continue;
            }
            if (c == '\'' && topLevel) {
                single = !single;
                sb.append(c);
                pos++;
                continue;
            }
            if (c == '$' && !single) {
                sb.append(variable(end));
                continue;
            }
            sb.append(c);
            pos++;
        }
        return sb.toString();
    }

    private String variable(int end) {
        int start = pos;
        pos++; // '$'
        if (pos >= end) {
            return "$";
        }
        char c = text.charAt(pos);
        if (c != '{') {
            int nameStart = pos;
            while (pos < end && isNameChar(text.charAt(pos), pos == nameStart)) {
                pos++;
            }
            if (pos == nameStart) {
                return "$";
            }
            return lookup(text.substring(nameStart, pos));
        }
        pos++; // '{'
        int nameStart = pos;
        while (pos < end && isNameChar(text.charAt(pos), pos == nameStart)) {
            pos++;
        }
        String name = text.substring(nameStart, pos);
        if (pos >= end) {
            fail(start, "missing '}' in ${" + name);
            return "";
        }
        if (name.isEmpty()) {
            fail(start, "bad substitution: variable name expected after '${'");
            return "";
        }
        char op = text.charAt(pos);
        if (op == '}') {
            pos++;
            return lookup(name);
        }
        boolean colon = false;
        if (op == ':') {
            colon = true;
            pos++;
            if (pos >= end) {
                fail(start, "missing '}' in ${" + name);
                return "";
            }
            op = text.charAt(pos);
        }
        if (op != '-' && op != '+' && op != '?' && op != '#' && op != '%' && op != '/') {
            fail(pos, "bad substitution: unsupported modifier '" + op + "' in ${" + name);
            return "";
        }
        pos++;
        if (!colon && (op == '#' || op == '%' || op == '/') && pos < end && text.charAt(pos) == op) {
            pos++;
        }
        if (++depth > MAX_DEPTH) {
            fail(start, "substitution nested more than " + MAX_DEPTH + " levels deep");
            return "";
        }
        Set<String> undefinedBefore = new LinkedHashSet<>(undefined);
        Set<String> unsetBefore = new LinkedHashSet<>(unset);
        String arg = word(end, false);
        depth--;
        if (error != null) {
            return "";
        }
        if (pos >= end || text.charAt(pos) != '}') {
            fail(start, "missing '}' in ${" + name);
            return "";
        }
        pos++;
        boolean declared = vars.containsKey(name);
        String value = vars.get(name);
        boolean set = colon ? value != null && !value.isEmpty() : declared;
        boolean argUsed = op == '-' && !set || op == '+' && set;
        if (!argUsed) {
            // the word of a branch not taken does not count
            undefined.retainAll(undefinedBefore);
            unset.retainAll(unsetBefore);
        }
        switch (op) {
            case '-':
                return set ? nz(value) : arg;
            case '+':
                return set ? arg : "";
            case '?':
                if (!set) {
                    undefined.add(name);
                }
                return nz(value);
            default:
                // pattern removal / replacement: approximated as the value itself
                return lookup(name);
        }
    }

    private String lookup(String name) {
        if (!vars.containsKey(name)) {
            undefined.add(name);
            return "";
        }
        if (vars.get(name) == null) {
            unset.add(name);
        }
        return nz(vars.get(name));
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private void fail(int offset, String message) {
        if (error == null) {
            error = message;
            errorOffset = offset;
        }
        pos = text.length();
    }

    private static boolean isNameChar(char c, boolean first) {
        return c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (!first && c >= '0' && c <= '9');
    }
}
