package dev.dockyard.image.archive;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 files in the format {@code sha256sum -c} reads: {@code <hex>  <file name>}. */
public final class Checksums {

    private Checksums() {
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java runtime", e);
        }
    }

    /** Writes {@code <file>.sha256} next to {@code file}; returns it. */
    static Path write(Path file, String hex) throws IOException {
        Path checksum = file.resolveSibling(ArchiveNames.checksum(file.getFileName().toString()));
        Files.writeString(checksum, hex + "  " + file.getFileName() + "\n", StandardCharsets.US_ASCII);
        return checksum;
    }

    /** The SHA-256 of the file's bytes, read as a stream. */
    static String of(Path file) throws IOException {
        MessageDigest digest = sha256();
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
