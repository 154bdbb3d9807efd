package dev.dockyard.image.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A jar's signature follows its entries' content, not its time or the entries' times. */
class JarSignatureTest {

    @TempDir
    Path directory;

    private Path zip(String name, String content, long entryTime) throws IOException {
        Path file = directory.resolve(name);
        try (OutputStream out = Files.newOutputStream(file);
                ZipOutputStream zip = new ZipOutputStream(out)) {
            ZipEntry entry = new ZipEntry("com/acme/Main.class");
            entry.setTime(entryTime);
            zip.putNextEntry(entry);
            zip.write(content.getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        Files.setLastModifiedTime(file, FileTime.fromMillis(1767225600000L));
        return file;
    }

    @Test
    void sameEntriesSameSignatureWhateverTheTimes() throws Exception {
        assertEquals(
                JarSignature.of(zip("a.jar", "revision 2", 1_000_000_000_000L)),
                JarSignature.of(zip("b.jar", "revision 2", 1_700_000_000_000L)));
    }

    @Test
    void anotherContentOfTheSameSizeAnotherSignature() throws Exception {
        Path before = zip("a.jar", "revision 2", 1_000_000_000_000L);
        Path after = zip("b.jar", "revision 3", 1_000_000_000_000L);
        assertEquals(Files.size(before), Files.size(after));
        assertNotEquals(JarSignature.of(before), JarSignature.of(after));
    }

    @Test
    void aFileThatIsNoZipIsSignedByItsBytes() throws Exception {
        Path text = Files.writeString(directory.resolve("notes.jar"), "not a zip");
        assertEquals(Sha256.hex("not a zip").substring(0, 32), JarSignature.of(text));
    }
}
