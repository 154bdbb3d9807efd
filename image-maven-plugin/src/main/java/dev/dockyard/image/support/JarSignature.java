package dev.dockyard.image.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Enumeration;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * What a jar holds, told from its central directory alone: every entry's name, size and CRC-32, digested. A jar
 * the build wrote again with other content has another signature even when its size and modification time are the
 * same, as when {@code spring-boot-maven-plugin}'s repackage gives every jar the time of
 * {@code project.build.outputTimestamp}. Reads the directory at the end of the file, never the entries' bytes.
 */
public final class JarSignature {

    private JarSignature() {}

    /**
     * The signature of {@code jar} (32 hex digits); for a file that is not a zip, the SHA-256 of its bytes.
     *
     * @throws IOException when the file cannot be read
     */
    public static String of(Path jar) throws IOException {
        MessageDigest digest = Sha256.digest();
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                digest.update(entry.getName().getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
                digest.update(Long.toString(entry.getSize()).getBytes(StandardCharsets.US_ASCII));
                digest.update((byte) ':');
                digest.update(Long.toString(entry.getCrc()).getBytes(StandardCharsets.US_ASCII));
                digest.update((byte) '\n');
            }
        } catch (ZipException e) {
            return Sha256.hex(jar).substring(0, 32);
        }
        return Sha256.hex(digest).substring(0, 32);
    }
}
