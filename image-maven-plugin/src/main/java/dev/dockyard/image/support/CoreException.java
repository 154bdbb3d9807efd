package dev.dockyard.image.support;

import java.util.function.Function;

/**
 * An exception of the core (a mistake of the user, a fault of the engine). Its message names a parameter only by its
 * name in the POM ({@code maxImageSize}), marked with {@link #mention(String)}: the front end writes each marked
 * name as its users know the parameter ({@link #message(Function)}; the Maven adapter writes the goal's property,
 * {@code image.maxImageSize}), while {@link #getMessage()} writes {@code <maxImageSize>}. So no property name is
 * written in the core, and the one table of them stays in the Maven adapter.
 */
public abstract class CoreException extends Exception {

    private static final long serialVersionUID = 1L;

    /** Marks of a parameter's name: private-use characters, which no POM value or tool message holds. */
    private static final char OPEN = '\uE000';

    private static final char CLOSE = '\uE001';

    protected CoreException(String message) {
        super(message);
    }

    protected CoreException(String message, Throwable cause) {
        super(message, cause);
    }

    /** The parameter {@code name} (its name in the POM), marked for a message. */
    public static String mention(String name) {
        return OPEN + name + CLOSE;
    }

    /** {@code text} with each marked parameter written by {@code property}, given the parameter's name. */
    public static String resolve(String text, Function<String, String> property) {
        if (text == null || text.indexOf(OPEN) < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        int from = 0;
        for (int open = text.indexOf(OPEN); open >= 0; open = text.indexOf(OPEN, from)) {
            int close = text.indexOf(CLOSE, open);
            if (close < 0) {
                break;
            }
            out.append(text, from, open).append(property.apply(text.substring(open + 1, close)));
            from = close + 1;
        }
        return out.append(text, from, text.length()).toString();
    }

    /** {@code text} with each marked parameter written as {@code <name>}, its element in the POM. */
    public static String plain(String text) {
        return resolve(text, name -> "<" + name + ">");
    }

    /** The message, each parameter it names written by {@code property}. */
    public String message(Function<String, String> property) {
        return resolve(super.getMessage(), property);
    }

    /** The message with its parameters still marked: for a message that quotes this one. */
    public String markedMessage() {
        return super.getMessage();
    }

    /** The message of {@code failure}, with the parameters it names still marked when it is a core exception. */
    public static String markedMessage(Throwable failure) {
        return failure instanceof CoreException core ? core.markedMessage() : failure.getMessage();
    }

    /** The message, each parameter it names written as {@code <name>}. */
    @Override
    public String getMessage() {
        return plain(super.getMessage());
    }
}
