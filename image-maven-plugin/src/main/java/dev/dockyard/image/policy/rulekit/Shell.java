package dev.dockyard.image.policy.rulekit;

import dev.dockyard.image.dockerfile.Instruction;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A small POSIX-shell reader for {@code RUN} scripts: splits a script into simple commands at {@code ;}, {@code &&},
 * {@code ||}, {@code |}, {@code &} and newlines, removes quotes, skips comments, and notes pipes. Enough to spot
 * which programs run with which arguments; it does not evaluate anything.
 */
public final class Shell {

    /** Prefixes that run the following words as the real command. */
    private static final Set<String> WRAPPERS = Set.of("sudo", "env", "exec", "time", "nice", "nohup", "command");

    private final List<List<String>> commands = new ArrayList<>();
    private boolean pipe;

    private Shell() {}

    /** @return the script of a {@code RUN} read as shell commands */
    public static Shell of(Instruction run) {
        return parse(run.script());
    }

    /** @return {@code script} read as shell commands */
    public static Shell parse(String script) {
        Shell sh = new Shell();
        sh.read(script);
        return sh;
    }

    /** @return the simple commands, leading {@code VAR=value} assignments removed, quotes removed */
    public List<List<String>> commands() {
        return commands;
    }

    /** @return {@code true} when a {@code |} pipe joins two commands */
    public boolean hasPipe() {
        return pipe;
    }

    /**
     * @param program program name, e.g. {@code apt-get} (matched on the last path segment)
     * @return the commands running {@code program}, with wrappers such as {@code sudo} or {@code env} removed, each
     *         starting with the program
     */
    public List<List<String>> invocations(String program) {
        List<List<String>> out = new ArrayList<>();
        for (List<String> c : commands) {
            for (int i = 0; i < c.size(); i++) {
                String w = c.get(i);
                if (base(w).equals(program)) {
                    out.add(c.subList(i, c.size()));
                    break;
                }
                if (!(WRAPPERS.contains(base(w)) || w.startsWith("-") && i > 0 || isAssignment(w))) {
                    break;
                }
            }
        }
        return out;
    }

    /** @return {@code true} when some command runs {@code program} */
    public boolean runs(String program) {
        return !invocations(program).isEmpty();
    }

    /**
     * @return the arguments of {@code apt-get install} / {@code apk add} style invocations: the words after the
     *         sub-command
     */
    public List<List<String>> subcommand(String program, String sub) {
        List<List<String>> out = new ArrayList<>();
        for (List<String> c : invocations(program)) {
            for (int i = 1; i < c.size(); i++) {
                if (c.get(i).equals(sub)) {
                    List<String> args = new ArrayList<>(c.subList(1, i));
                    args.addAll(c.subList(i + 1, c.size()));
                    out.add(args);
                    break;
                }
            }
        }
        return out;
    }

    public static String base(String word) {
        int slash = word.lastIndexOf('/');
        return slash >= 0 ? word.substring(slash + 1) : word;
    }

    public static boolean isAssignment(String word) {
        int eq = word.indexOf('=');
        if (eq <= 0) {
            return false;
        }
        for (int i = 0; i < eq; i++) {
            char c = word.charAt(i);
            if (!(c == '_' || Character.isLetter(c) || (i > 0 && Character.isDigit(c)))) {
                return false;
            }
        }
        return true;
    }

    private void read(String s) {
        List<String> cur = new ArrayList<>();
        StringBuilder w = new StringBuilder();
        boolean inWord = false;
        int n = s.length();
        int i = 0;
        while (i < n) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < n) {
                if (s.charAt(i + 1) != '\n') {
                    w.append(s.charAt(i + 1));
                    inWord = true;
                }
                i += 2;
            } else if (c == '\'') {
                int close = s.indexOf('\'', i + 1);
                int stop = close < 0 ? n : close;
                w.append(s, i + 1, stop);
                inWord = true;
                i = stop + 1;
            } else if (c == '"') {
                i++;
                while (i < n && s.charAt(i) != '"') {
                    if (s.charAt(i) == '\\' && i + 1 < n) {
                        i++;
                    }
                    w.append(s.charAt(i));
                    i++;
                }
                inWord = true;
                i++;
            } else if (c == '$' && i + 1 < n && s.charAt(i + 1) == '(') {
                int depth = 0;
                int j = i + 1;
                while (j < n) {
                    char d = s.charAt(j);
                    if (d == '(') {
                        depth++;
                    } else if (d == ')' && --depth == 0) {
                        break;
                    }
                    j++;
                }
                int stop = Math.min(j + 1, n);
                w.append(s, i, stop);
                inWord = true;
                i = stop;
            } else if (c == '`') {
                int close = s.indexOf('`', i + 1);
                int stop = close < 0 ? n : close + 1;
                w.append(s, i, stop);
                inWord = true;
                i = stop;
            } else if (c == '#' && !inWord) {
                while (i < n && s.charAt(i) != '\n') {
                    i++;
                }
            } else if (c == ' ' || c == '\t' || c == '\r') {
                inWord = endWord(cur, w, inWord);
                i++;
            } else if (c == '&' && i > 0 && (s.charAt(i - 1) == '>' || s.charAt(i - 1) == '<')) {
                w.append(c);
                i++;
            } else if (";&|\n()".indexOf(c) >= 0) {
                inWord = endWord(cur, w, inWord);
                endCommand(cur);
                cur = new ArrayList<>();
                boolean doubled = i + 1 < n && s.charAt(i + 1) == c && (c == '&' || c == '|');
                if (c == '|' && !doubled) {
                    pipe = true;
                }
                i += doubled ? 2 : 1;
            } else {
                w.append(c);
                inWord = true;
                i++;
            }
        }
        endWord(cur, w, inWord);
        endCommand(cur);
    }

    private static boolean endWord(List<String> cur, StringBuilder w, boolean inWord) {
        if (inWord) {
            cur.add(w.toString());
            w.setLength(0);
        }
        return false;
    }

    private void endCommand(List<String> cur) {
        int i = 0;
        while (i < cur.size() && isAssignment(cur.get(i))) {
            i++;
        }
        if (i < cur.size()) {
            commands.add(List.copyOf(cur.subList(i, cur.size())));
        }
    }
}
