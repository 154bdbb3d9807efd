package dev.dockyard.image.support;

import java.util.Locale;
import java.util.Optional;

/**
 * Booleans and whole numbers as the plugin's parameters take them, strictly: Maven itself reads any word as
 * {@code false} ({@code -Dimage.skip=yes} would silently not skip) and fails with its own conversion error on a word in
 * an integer parameter; the mojos take such parameters as text and parse them here.
 */
public final class Values {

    private Values() {}

    /**
     * @return {@code true} or {@code false}, in any case; {@code fallback} when {@code text} is unset or blank
     * @throws UserFixableException for anything else
     */
    public static boolean bool(String text, boolean fallback) throws UserFixableException {
        if (text == null || text.isBlank()) {
            return fallback;
        }
        return switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new UserFixableException("'" + text + "' is neither true nor false");
        };
    }

    /** The constant of {@code type} named {@code text} in any case (blanks around it ignored), if there is one. */
    public static <E extends Enum<E>> Optional<E> constant(Class<E> type, String text) {
        String name = text == null ? "" : text.trim();
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equalsIgnoreCase(name)) {
                return Optional.of(constant);
            }
        }
        return Optional.empty();
    }

    /**
     * @return the whole number {@code text} holds, between {@code min} and {@code max}
     * @throws UserFixableException for a word, a fraction or a number out of range, saying the range
     */
    public static int integer(String text, int min, int max) throws UserFixableException {
        String value = text == null ? "" : text.strip();
        if (!value.matches("[+-]?[0-9]{1,10}")) {
            throw new UserFixableException("'" + text + "' is not a whole number from " + min + " to " + max);
        }
        long number = Long.parseLong(value);
        if (number < min || number > max) {
            throw new UserFixableException("'" + text + "' is not a whole number from " + min + " to " + max);
        }
        return (int) number;
    }
}
