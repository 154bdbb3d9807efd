package dev.dockyard.image.support;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations written as Docker writes them: {@code 500ms}, {@code 10s}, {@code 2m}, {@code 1m30s}, {@code 1h} (also
 * {@code ns}, {@code us}). The one duration grammar of the plugin: the rendered HEALTHCHECK and image:verify's
 * time-outs read durations alike.
 */
public final class DurationText {

    private static final Pattern PART = Pattern.compile("([0-9]+(?:\\.[0-9]+)?)(ns|us|ms|s|m|h)");

    /** The longest duration any setting takes: a day is far above every real time-out or interval. */
    public static final Duration MAX = Duration.ofHours(24);

    private DurationText() {}

    /**
     * A bare number is seconds.
     *
     * @throws UserFixableException naming the accepted forms, or the limit of {@link #MAX}
     */
    public static Duration parse(String text) throws UserFixableException {
        Duration duration = read(text);
        if (duration.compareTo(MAX) > 0) {
            throw new UserFixableException("'" + text + "' is longer than " + MAX.toHours() + "h, the longest"
                    + " duration a setting takes: give a shorter one, e.g. 30s or 5m");
        }
        return duration;
    }

    private static Duration read(String text) throws UserFixableException {
        String value = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        if (value.matches("[0-9]+")) {
            return value.length() > 12 ? MAX.plusSeconds(1) : Duration.ofSeconds(Long.parseLong(value));
        }
        Matcher m = PART.matcher(value);
        Duration total = Duration.ZERO;
        int end = 0;
        while (m.find() && m.start() == end) {
            if (m.group(1).length() > 12) {
                return MAX.plusSeconds(1); // too long to be meant, and beyond what a long of nanoseconds holds
            }
            double amount = Double.parseDouble(m.group(1));
            long nanos = switch (m.group(2)) {
                case "ns" -> Math.round(amount);
                case "us" -> Math.round(amount * 1_000);
                case "ms" -> Math.round(amount * 1_000_000);
                case "s" -> Math.round(amount * 1_000_000_000);
                case "m" -> Math.round(amount * 60_000_000_000.0);
                default -> Math.round(amount * 3_600_000_000_000.0);
            };
            total = total.plusNanos(nanos);
            end = m.end();
        }
        if (end == 0 || end != value.length()) {
            throw new UserFixableException("'" + text + "' is not a duration: use e.g. 500ms, 10s, 2m, 1m30s");
        }
        return total;
    }

    /**
     * {@code text} as Docker's own flags take it: a bare number of seconds gets its {@code s}.
     *
     * @throws IllegalArgumentException when {@code text} is not a duration: callers validate values first
     */
    public static String dockerText(String text) {
        try {
            parse(text);
        } catch (UserFixableException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        String value = text.strip();
        return value.matches("[0-9]+") ? value + "s" : value;
    }

    /** {@code 2s}, {@code 2.5s}: whole seconds bare, else one decimal. */
    public static String format(Duration duration) {
        long millis = duration.toMillis();
        if (millis % 1000 == 0) {
            return millis / 1000 + "s";
        }
        return String.format(Locale.ROOT, "%.1fs", millis / 1000.0);
    }
}
