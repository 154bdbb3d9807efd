package dev.dockyard.image.policy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Remembers that a Dockerfile passed the lint with given settings, so that an unchanged Dockerfile is not linted
 * again: the memo holds the settings and the Dockerfile's text, and is cleared before a lint that may fail.
 */
public final class LintMemo {

    private final Path file;

    /** @param file where the memo is kept (outside the build context) */
    public LintMemo(Path file) {
        this.file = file;
    }

    /**
     * @param settings the lint settings, as one line
     * @param dockerfile the Dockerfile about to be linted
     * @param report a report the earlier lint wrote, which must still be there
     * @return {@code true} when this Dockerfile passed these settings last time and {@code report} exists
     */
    public boolean passed(String settings, Path dockerfile, Path report) throws IOException {
        return Files.isRegularFile(file)
                && Files.isRegularFile(report)
                && Files.readString(file, StandardCharsets.UTF_8).equals(content(settings, dockerfile));
    }

    /** Forgets the last lint: call before linting, so that a failed lint is linted again next time. */
    public void forget() throws IOException {
        Files.deleteIfExists(file);
    }

    /** Records that {@code dockerfile} passed {@code settings}. */
    public void remember(String settings, Path dockerfile) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, content(settings, dockerfile), StandardCharsets.UTF_8);
    }

    private static String content(String settings, Path dockerfile) throws IOException {
        return settings + "\n" + Files.readString(dockerfile, StandardCharsets.UTF_8);
    }
}
