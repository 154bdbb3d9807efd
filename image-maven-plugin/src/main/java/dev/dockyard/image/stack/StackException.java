package dev.dockyard.image.stack;

import dev.dockyard.image.support.UserFixableException;
import java.util.List;

/** A mistake in the stack's configuration (unknown dependency, cycle, bad override file): the user's to fix. */
public final class StackException extends UserFixableException {

    private static final long serialVersionUID = 1L;

    public StackException(String message) {
        super(message);
    }

    public StackException(String message, Throwable cause) {
        super(message, cause);
    }

    static String list(List<String> names) {
        return names.isEmpty() ? "none" : String.join(", ", names);
    }
}
