package dev.dockyard.image.model;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One entry of the image's history: a layer (or an empty, metadata-only step).
 *
 * @param id        the history entry's image id, or {@code <missing>} for steps of base images built elsewhere
 * @param size      bytes the step added
 * @param createdBy the instruction that made it, as the engine records it (e.g. {@code COPY file:... in /app})
 * @param created   when, in seconds since the epoch
 * @param comment   the entry's comment (e.g. how an imported base layer was made), may be empty
 */
public record ImageLayer(String id, long size, String createdBy, long created, String comment) {

    private static final Pattern CLASSIC_HEALTHCHECK = Pattern.compile(
            "HEALTHCHECK &\\{\\[(.*)\\] \"([^\"]*)\" \"([^\"]*)\" \"([^\"]*)\" '(\\\\x[0-9a-fA-F]{2}|.)'\\}");
    private static final Pattern QUOTED = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"");
    private static final Pattern CONTENT_HASH = Pattern.compile("\\s*(file|dir|multi):[0-9a-f]{64} in ");

    /**
     * The instruction, readable: the classic builder's {@code /bin/sh -c #(nop)} prefix removed, {@code RUN} added
     * to shell steps, content hashes of {@code COPY} sources dropped ({@code COPY --chown=1:1 dir to /app/}); a
     * layer imported without an instruction is named by its comment.
     */
    public String instruction() {
        String text = createdBy == null ? "" : createdBy.strip();
        if (text.isEmpty()) {
            return comment == null || comment.isBlank()
                    ? "(base image layer)"
                    : "(base image layer: " + comment.strip() + ")";
        }
        if (text.startsWith("/bin/sh -c #(nop)")) {
            text = text.substring("/bin/sh -c #(nop)".length()).strip();
        } else if (text.startsWith("/bin/sh -c ")) {
            text = "RUN " + text.substring("/bin/sh -c ".length()).strip();
        }
        Matcher health = CLASSIC_HEALTHCHECK.matcher(text);
        if (health.matches()) {
            return healthCheck(health);
        }
        return CONTENT_HASH.matcher(text).replaceAll(" $1 to ");
    }

    /**
     * The classic builder records {@code HEALTHCHECK} as Go prints its struct:
     * {@code HEALTHCHECK &{["CMD" "java" "-cp" ...] "10s" "3s" "20s" '\x03'}}. Written back as a Dockerfile
     * instruction: {@code HEALTHCHECK --interval=10s --timeout=3s --start-period=20s --retries=3 CMD ["java", ...]}.
     */
    private static String healthCheck(Matcher health) {
        List<String> test = new ArrayList<>();
        Matcher word = QUOTED.matcher(health.group(1));
        while (word.find()) {
            test.add(unquote(word.group(1)));
        }
        if (test.isEmpty() || test.get(0).equals("NONE")) {
            return "HEALTHCHECK NONE";
        }
        StringBuilder out = new StringBuilder("HEALTHCHECK");
        flag(out, "interval", health.group(2));
        flag(out, "timeout", health.group(3));
        flag(out, "start-period", health.group(4));
        int retries = retries(health.group(5));
        if (retries > 0) {
            out.append(" --retries=").append(retries);
        }
        if (test.get(0).equals("CMD-SHELL")) {
            return out.append(" CMD ")
                    .append(String.join(" ", test.subList(1, test.size())))
                    .toString();
        }
        out.append(" CMD [");
        for (int i = 1; i < test.size(); i++) {
            out.append(i > 1 ? ", " : "")
                    .append('"')
                    .append(test.get(i).replace("\\", "\\\\").replace("\"", "\\\""))
                    .append('"');
        }
        return out.append(']').toString();
    }

    private static void flag(StringBuilder out, String name, String value) {
        if (!value.isEmpty() && !value.equals("0s")) {
            out.append(" --").append(name).append('=').append(value);
        }
    }

    private static int retries(String rune) {
        if (rune.startsWith("\\x")) {
            return Integer.parseInt(rune.substring(2), 16);
        }
        return rune.length() == 1 ? rune.charAt(0) : 0;
    }

    private static String unquote(String quoted) {
        return quoted.replaceAll("\\\\(.)", "$1");
    }
}
