package dev.dockyard.image.dockerfile;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits instruction arguments into words the way Docker does for {@code ENV}, {@code LABEL}, {@code ARG} and
 * shell-form commands: whitespace separates words, single quotes are literal, double quotes group, the escape
 * character escapes the next character; quotes are removed. Unterminated quotes run to the end of the text.
 */
public final class ShellWords {

    private ShellWords() {}

    /**
     * @param text   arguments
     * @param escape escape character ({@code \} or a backtick)
     * @return the words, never {@code null}
     */
    public static List<String> split(String text, char escape) {
        List<String> words = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean inWord = false;
        int i = 0;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                if (inWord) {
                    words.add(cur.toString());
                    cur.setLength(0);
                    inWord = false;
                }
                i++;
                continue;
            }
            inWord = true;
            if (c == escape && i + 1 < n) {
                cur.append(text.charAt(i + 1));
                i += 2;
            } else if (c == '\'') {
                int close = text.indexOf('\'', i + 1);
                int stop = close < 0 ? n : close;
                cur.append(text, i + 1, stop);
                i = stop + 1;
            } else if (c == '"') {
                i++;
                while (i < n && text.charAt(i) != '"') {
                    char d = text.charAt(i);
                    if (d == escape && i + 1 < n && "\"$`\\".indexOf(text.charAt(i + 1)) >= 0) {
                        cur.append(text.charAt(i + 1));
                        i += 2;
                    } else {
                        cur.append(d);
                        i++;
                    }
                }
                i++;
            } else {
                cur.append(c);
                i++;
            }
        }
        if (inWord) {
            words.add(cur.toString());
        }
        return words;
    }

    /**
     * Parses a JSON array of strings, the exec form of {@code RUN}, {@code CMD}, {@code ENTRYPOINT}, {@code SHELL}.
     *
     * @param text trimmed arguments
     * @return the strings, or {@code null} when {@code text} is not exactly a JSON array of strings
     */
    public static List<String> jsonArray(String text) {
        int n = text.length();
        int i = skipWs(text, 0);
        if (i >= n || text.charAt(i) != '[') {
            return null;
        }
        i = skipWs(text, i + 1);
        List<String> out = new ArrayList<>();
        if (i < n && text.charAt(i) == ']') {
            return skipWs(text, i + 1) == n ? out : null;
        }
        StringBuilder sb = new StringBuilder();
        while (i < n) {
            if (text.charAt(i) != '"') {
                return null;
            }
            i++;
            sb.setLength(0);
            boolean closed = false;
            while (i < n) {
                char c = text.charAt(i);
                if (c == '"') {
                    closed = true;
                    i++;
                    break;
                }
                if (c < 0x20) {
                    return null;
                }
                if (c == '\\') {
                    if (i + 1 >= n) {
                        return null;
                    }
                    char e = text.charAt(i + 1);
                    switch (e) {
                        case '"':
                        case '\\':
                        case '/':
                            sb.append(e);
                            break;
                        case 'b':
                            sb.append('\b');
                            break;
                        case 'f':
                            sb.append('\f');
                            break;
                        case 'n':
                            sb.append('\n');
                            break;
                        case 'r':
                            sb.append('\r');
                            break;
                        case 't':
                            sb.append('\t');
                            break;
                        case 'u':
                            if (i + 6 > n) {
                                return null;
                            }
                            int cp = 0;
                            for (int k = i + 2; k < i + 6; k++) {
                                int d = Character.digit(text.charAt(k), 16);
                                if (d < 0) {
                                    return null;
                                }
                                cp = cp * 16 + d;
                            }
                            sb.append((char) cp);
                            i += 4;
                            break;
                        default:
                            return null;
                    }
                    i += 2;
                    continue;
                }
                sb.append(c);
                i++;
            }
            if (!closed) {
                return null;
            }
            out.add(sb.toString());
            i = skipWs(text, i);
            if (i >= n) {
                return null;
            }
            char c = text.charAt(i);
            if (c == ']') {
                return skipWs(text, i + 1) == n ? out : null;
            }
            if (c != ',') {
                return null;
            }
            i = skipWs(text, i + 1);
        }
        return null;
    }

    private static int skipWs(String text, int i) {
        while (i < text.length()
                && (text.charAt(i) == ' '
                        || text.charAt(i) == '\t'
                        || text.charAt(i) == '\n'
                        || text.charAt(i) == '\r')) {
            i++;
        }
        return i;
    }
}
