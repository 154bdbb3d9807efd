package dev.dockyard.image.support;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Sha256Test {

    /** SHA-256 of "abc" (FIPS 180-2, appendix B.1). */
    private static final String ABC = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";

    @Test
    void textFileAndStreamAgree(@TempDir Path dir) throws Exception {
        assertEquals(ABC, Sha256.hex("abc"));
        Path file = Files.writeString(dir.resolve("abc"), "abc");
        assertEquals(ABC, Sha256.hex(file));
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        try (Sha256.DigestingOutputStream out = new Sha256.DigestingOutputStream(sink)) {
            out.write('a');
            out.write("bc".getBytes(StandardCharsets.US_ASCII));
            assertEquals(ABC, out.hex());
        }
        assertEquals("abc", sink.toString(StandardCharsets.US_ASCII));
    }
}
