package dev.dockyard.image.stage;

import dev.dockyard.image.support.UserFixableException;

/**
 * A module's jar that cannot be staged as it is, or a layout setting that does not exist: the message says which file
 * or value and what to do.
 */
public class StageException extends UserFixableException {
    private static final long serialVersionUID = 1L;

    public StageException(String message) {
        super(message);
    }

    public StageException(String parameter, String message) {
        super(parameter, message);
    }
}
