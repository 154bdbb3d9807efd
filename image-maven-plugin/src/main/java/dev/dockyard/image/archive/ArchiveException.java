package dev.dockyard.image.archive;

/** An archive that cannot be read as a saved image: missing, truncated, not a tar, neither format. */
public class ArchiveException extends Exception {

    private static final long serialVersionUID = 1L;

    public ArchiveException(String message) {
        super(message);
    }
}
