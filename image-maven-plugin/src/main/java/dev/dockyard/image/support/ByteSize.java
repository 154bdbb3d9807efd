package dev.dockyard.image.support;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Byte counts as the Docker CLI shows them: decimal units ({@code 1 MB = 1,000,000 bytes}), so that a budget of
 * {@code 150MB} means what {@code docker images} prints. Binary units ({@code KiB}, {@code MiB}, {@code GiB}) are
 * accepted too.
 */
public final class ByteSize {

    private static final Pattern SIZE =
            Pattern.compile("(?i)\\s*([0-9]+(?:\\.[0-9]+)?)\\s*(b|kb|mb|gb|kib|mib|gib|k|m|g)?\\s*");

    /** The largest size any setting takes: 1 PB is far above any image. */
    public static final long MAX = 1_000_000_000_000_000L;

    private ByteSize() {}

    /**
     * Parses {@code 150MB}, {@code 1.5 GB}, {@code 200MiB}, {@code 1048576}.
     *
     * @throws UserFixableException with the accepted forms
     */
    public static long parse(String text) throws UserFixableException {
        Matcher m = SIZE.matcher(text == null ? "" : text);
        if (!m.matches()) {
            throw new UserFixableException("'" + text + "' is not a size: use a number with B, KB, MB, GB"
                    + " (decimal, as docker images shows) or KiB, MiB, GiB, e.g. 150MB");
        }
        String unit = m.group(2) == null ? "b" : m.group(2).toLowerCase(Locale.ROOT);
        long factor = switch (unit) {
            case "kb", "k" -> 1_000L;
            case "mb", "m" -> 1_000_000L;
            case "gb", "g" -> 1_000_000_000L;
            case "kib" -> 1L << 10;
            case "mib" -> 1L << 20;
            case "gib" -> 1L << 30;
            default -> 1L;
        };
        BigDecimal bytes = new BigDecimal(m.group(1)).multiply(BigDecimal.valueOf(factor));
        if (bytes.compareTo(BigDecimal.valueOf(MAX)) > 0) {
            throw new UserFixableException("'" + text + "' is more than 1PB, the largest size a setting takes: give"
                    + " a size such as 150MB");
        }
        return bytes.longValue();
    }

    /** A memory limit as it is usually written: whole MiB as such ({@code 512 MiB}), else as {@link #format}. */
    public static String formatLimit(long bytes) {
        long mib = 1024 * 1024;
        return bytes > 0 && bytes % mib == 0 ? bytes / mib + " MiB" : format(bytes);
    }

    /** {@code 82.3 MB}, {@code 512 B}. */
    public static String format(long bytes) {
        if (bytes < 1000) {
            return bytes + " B";
        }
        String[] units = {"kB", "MB", "GB", "TB"};
        double value = bytes;
        int unit = -1;
        while (value >= 1000 && unit < units.length - 1) {
            value /= 1000;
            unit++;
        }
        return String.format(Locale.ROOT, "%.1f %s", value, units[unit]);
    }
}
