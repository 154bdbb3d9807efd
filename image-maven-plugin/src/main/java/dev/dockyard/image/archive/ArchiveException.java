package dev.dockyard.image.archive;

import dev.dockyard.image.support.UserFixableException;

/** An archive that cannot be read as a saved image: missing, truncated, not a tar, neither format. */
public class ArchiveException extends UserFixableException {

    private static final long serialVersionUID = 1L;

    public ArchiveException(String message) {
        super(message);
    }
}
