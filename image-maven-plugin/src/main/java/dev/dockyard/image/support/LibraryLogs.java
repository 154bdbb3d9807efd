package dev.dockyard.image.support;

/**
 * The level a library's own logger prints at, under Maven's SLF4J simple logger (which reads
 * {@code org.slf4j.simpleLogger.log.<name>} when a logger is first created): for libraries that log what only their
 * caller can put into words, such as a transport's stack traces or a schema validator's notes on the schema it ships.
 * A user's own setting for the logger wins.
 */
public final class LibraryLogs {

    private static final String PREFIX = "org.slf4j.simpleLogger.log.";

    private LibraryLogs() {}

    /**
     * Sets the level of {@code logger} (and the loggers below it) to {@code level} ({@code off}, {@code error},
     * {@code info}, ...) unless the user set one. Must run before the library creates the logger.
     */
    public static void level(String logger, String level) {
        if (System.getProperty(PREFIX + logger) == null) {
            System.setProperty(PREFIX + logger, level);
        }
    }
}
