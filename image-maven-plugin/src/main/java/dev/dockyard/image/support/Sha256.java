package dev.dockyard.image.support;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256, the one digest of the plugin: of text, of files, and of what passes through a stream. */
public final class Sha256 {

    private Sha256() {}

    /** A fresh SHA-256 digest (every Java runtime has one). */
    public static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java runtime", e);
        }
    }

    /** Lower-case hex of the digest of {@code text} in UTF-8. */
    public static String hex(String text) {
        return hex(text.getBytes(StandardCharsets.UTF_8));
    }

    /** Lower-case hex of the digest of {@code bytes}. */
    public static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(digest().digest(bytes));
    }

    /** Lower-case hex of the digest of the file's content. */
    public static String hex(Path file) throws IOException {
        try (var in = Files.newInputStream(file)) {
            return hex(in);
        }
    }

    /** Lower-case hex of the digest of what {@code in} gives until its end (the caller closes it). */
    public static String hex(java.io.InputStream in) throws IOException {
        MessageDigest digest = digest();
        byte[] buffer = new byte[1 << 16];
        int read;
        while ((read = in.read(buffer)) > 0) {
            digest.update(buffer, 0, read);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /** Lower-case hex of a finished digest. */
    public static String hex(MessageDigest digest) {
        return HexFormat.of().formatHex(digest.digest());
    }

    /** A stream that digests what is written through it; {@link #hex()} once closed. */
    public static final class DigestingOutputStream extends FilterOutputStream {

        private final MessageDigest digest = Sha256.digest();

        public DigestingOutputStream(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            digest.update((byte) b);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            digest.update(b, off, len);
        }

        /** The hex digest of everything written. */
        public String hex() {
            return Sha256.hex(digest);
        }
    }
}
