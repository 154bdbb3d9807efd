package dev.dockyard.image.support;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * Where the plugin may write: nothing the user wrote is overwritten or deleted. A directory the plugin fills and
 * prunes (the build context) is either below the module's {@code target/}, or empty, or marked by a
 * {@value #MARKER} file the plugin left there; never the module's directory, one above it, or one below {@code src/}.
 * A single file the plugin writes (the Compose file) is replaced only when it is missing or is one the plugin wrote,
 * which its first line says.
 */
public final class OwnedOutput {

    /** The file that marks a directory outside {@code target/} as the plugin's own. */
    public static final String MARKER = ".dockyard-output";

    private OwnedOutput() {}

    /**
     * Claims {@code directory} for output that is replaced on every build, creating it and its marker.
     *
     * @param parameter the parameter that names the directory, for the message
     * @param module the module's directory
     * @throws UserFixableException when the directory holds, or is, what the user wrote
     */
    public static void claimDirectory(Path directory, Path module, String parameter)
            throws UserFixableException, IOException {
        Path dir = directory.toAbsolutePath().normalize();
        Path base = module.toAbsolutePath().normalize();
        String what = "'" + dir + "' ";
        String where = base.startsWith(dir)
                ? "is the module's directory or above it"
                : dir.startsWith(base.resolve("src")) ? "is below src/, where the module's own files are" : null;
        if (where != null) {
            throw new UserFixableException(
                    parameter,
                    what + where + ": Dockyard replaces the content of its output directory on every build. Choose a"
                            + " directory of its own, e.g. target/docker (the default).");
        }
        if (dir.startsWith(base.resolve("target"))) {
            Files.createDirectories(dir);
            return;
        }
        Path marker = dir.resolve(MARKER);
        if (Files.isDirectory(dir) && !Files.exists(marker) && !empty(dir)) {
            throw new UserFixableException(
                    parameter,
                    what + "already holds files Dockyard did not write (it has no "
                            + MARKER
                            + "): Dockyard replaces the content of its output directory on every build. Choose an"
                            + " empty directory, or one below target/.");
        }
        Files.createDirectories(dir);
        if (!Files.exists(marker)) {
            Files.writeString(
                    marker,
                    "Written by Dockyard: the content of this directory is replaced on every" + " build.\n",
                    StandardCharsets.UTF_8);
        }
    }

    /**
     * Checks that {@code file} may be replaced: it does not exist, or its first line starts with {@code header}, the
     * line the plugin writes first.
     *
     * @throws UserFixableException naming the parameter when the file is one the plugin did not write
     */
    public static void requireReplaceable(Path file, String header, String parameter)
            throws UserFixableException, IOException {
        if (!Files.exists(file)) {
            return;
        }
        String first;
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            first = reader.readLine();
        } catch (java.nio.charset.MalformedInputException e) {
            first = null;
        }
        if (first == null || !first.startsWith(header)) {
            throw new UserFixableException(
                    parameter,
                    "'" + file + "' exists and was not written by Dockyard (its"
                            + " first line is not '" + header
                            + "…'): it is not overwritten. Choose another file, or remove"
                            + " this one if it is yours to lose.");
        }
    }

    private static boolean empty(Path dir) throws IOException {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.findAny().isEmpty();
        }
    }
}
