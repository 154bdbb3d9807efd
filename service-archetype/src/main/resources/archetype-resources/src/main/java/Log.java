package ${package};

import java.io.PrintStream;
import java.time.Instant;

/**
 * One line per event on standard output: plain text, or one JSON object per line when the {@code LOG_FORMAT}
 * environment variable is {@code json} (for log collectors: {@code timestamp}, {@code level}, {@code logger},
 * {@code message}).
 */
final class Log {

    private final boolean json;
    private final PrintStream out;

    Log(String format, PrintStream out) {
        this.json = "json".equalsIgnoreCase(format == null ? "" : format.trim());
        this.out = out;
    }

    /** The log as the {@code LOG_FORMAT} environment variable asks. */
    static Log fromEnvironment() {
        return new Log(System.getenv("LOG_FORMAT"), System.out);
    }

    void info(String message) {
        write("INFO", message);
    }

    void error(String message) {
        write("ERROR", message);
    }

    private void write(String level, String message) {
        if (json) {
            out.println("{\"timestamp\":\"" + Instant.now() + "\",\"level\":\"" + level
                    + "\",\"logger\":\"${artifactId}\",\"message\":\"" + escape(message) + "\"}");
        } else {
            out.println(message);
        }
        out.flush();
    }

    /** JSON string escaping: quote, backslash and control characters. */
    static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> escaped.append("\\\"");
                case '\\' -> escaped.append("\\\\");
                case '\n' -> escaped.append("\\n");
                case '\r' -> escaped.append("\\r");
                case '\t' -> escaped.append("\\t");
                default -> {
                    if (c < 0x20) {
                        escaped.append(String.format("\\u%04x", (int) c));
                    } else {
                        escaped.append(c);
                    }
                }
            }
        }
        return escaped.toString();
    }
}
