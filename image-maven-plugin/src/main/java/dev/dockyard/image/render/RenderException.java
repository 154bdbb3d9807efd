package dev.dockyard.image.render;

import dev.dockyard.image.support.UserFixableException;

/**
 * A problem the user can fix: a missing variable in a template, an unknown template, a bad setting. The message is
 * complete and meant to be shown as is, without a stack trace.
 */
public class RenderException extends UserFixableException {
    private static final long serialVersionUID = 1L;

    public RenderException(String message) {
        super(message);
    }
}
