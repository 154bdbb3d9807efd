package dev.dockyard.image.archive;

import static dev.dockyard.image.support.CoreException.mention;

import dev.dockyard.image.support.Sha256;
import dev.dockyard.image.verify.Check;
import dev.dockyard.image.verify.ImageVerifier;
import dev.dockyard.image.verify.Verification;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks a saved image without an engine: the archive's {@code .sha256} (when there is one next to it), then the
 * static checks of {@code image:verify} on the configuration read from the archive, and the SBOM the image carries
 * against its files.
 */
public final class ArchiveCheck {

    private final ArchiveReader reader = new ArchiveReader();

    /**
     * @return the verdicts, the checksum first
     * @throws ArchiveException the archive is missing, truncated or no saved image
     */
    public Verification check(Path archive, long maxImageSize, List<Integer> ports, List<String> requiredLabels)
            throws ArchiveException {
        Check checksum = checksum(archive);
        ReadArchive read = reader.read(archive);
        List<Check> checks = new ArrayList<>();
        checks.add(checksum);
        checks.addAll(ImageVerifier.staticChecks(read.image(), maxImageSize, ports, requiredLabels));
        checks.add(SbomCheck.check(read));
        return new Verification(read.image(), checks);
    }

    /** The format of {@code archive} (for the log): {@code docker save} or {@code OCI image layout}. */
    public String format(Path archive) throws ArchiveException {
        return reader.read(archive).format();
    }

    static Check checksum(Path archive) throws ArchiveException {
        Path file = archive.resolveSibling(
                ArchiveNames.checksum(archive.getFileName().toString()));
        if (!Files.isRegularFile(file)) {
            return Check.skipped("sha256", "no " + file.getFileName() + " next to the archive");
        }
        long start = System.nanoTime();
        String expected;
        String actual;
        try {
            String line = Files.readString(file, StandardCharsets.US_ASCII).strip();
            String[] words = line.split("\\s+", 2);
            expected = words[0].toLowerCase(java.util.Locale.ROOT);
            if (!expected.matches("[0-9a-f]{64}")) {
                return Check.fail(
                        "sha256",
                        file.getFileName() + " is not in sha256sum format (<64 hex digits>"
                                + "  <file>): write it with sha256sum or image:save",
                        Duration.ZERO);
            }
            if (!Files.isRegularFile(archive)) {
                throw new ArchiveException("The image archive " + archive + " does not exist: save the image first"
                        + " (image:save), or name an archive with -D" + mention("archive") + "=FILE.");
            }
            actual = Sha256.hex(archive);
        } catch (IOException e) {
            throw new ArchiveException("Could not read " + file + ": " + e.getMessage());
        }
        Duration time = Duration.ofNanos(System.nanoTime() - start);
        if (!expected.equals(actual)) {
            return Check.fail(
                    "sha256",
                    "the archive's SHA-256 " + actual + " differs from " + expected + " in " + file.getFileName()
                            + ": the file was changed or copied incompletely",
                    time);
        }
        return Check.pass("sha256", "SHA-256 matches " + file.getFileName(), time);
    }
}
