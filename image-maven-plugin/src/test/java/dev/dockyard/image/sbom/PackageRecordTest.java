package dev.dockyard.image.sbom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PackageRecordTest {

    @TempDir
    Path directory;

    @Test
    void theBaseDigestAndThePackagesAreReadBackForTheSameDockerfile() throws Exception {
        Path file = directory.resolve(PackageRecord.FILE);
        BaseDigest base = new BaseDigest("sha256:" + "a".repeat(64), BaseDigest.Source.ENGINE_IMAGE_ID);
        PackageRecord record = new PackageRecord(
                "f".repeat(64), "debian", base, List.of(new DebianPackage("libc6", "2.36-9", "amd64")));
        record.write(file);
        assertEquals(
                "dockerfile " + "f".repeat(64) + "\ndistro debian\nbase-image sha256:" + "a".repeat(64)
                        + " engine-image-id\nlibc6 2.36-9 amd64\n",
                Files.readString(file));
        assertEquals(Optional.of(record), PackageRecord.read(file, "f".repeat(64)));
        assertEquals(Optional.empty(), PackageRecord.read(file, "0".repeat(64)));

        PackageRecord scratch = new PackageRecord("f".repeat(64), "debian", null, List.of());
        scratch.write(file);
        assertEquals(Optional.of(scratch), PackageRecord.read(file, "f".repeat(64)));
    }

    @Test
    void aRecordOfAnEarlierVersionHasNoBaseDigest() throws Exception {
        Path file = directory.resolve(PackageRecord.FILE);
        Files.writeString(file, "dockerfile " + "f".repeat(64) + "\ndistro debian\nlibc6 2.36-9 amd64\n");
        PackageRecord read = PackageRecord.read(file, "f".repeat(64)).orElseThrow();
        assertEquals(null, read.base());
        assertEquals(List.of(new DebianPackage("libc6", "2.36-9", "amd64")), read.packages());
        Files.writeString(file, "dockerfile " + "f".repeat(64) + "\ndistro debian\nbase-image sha256:zz nowhere\n");
        assertTrue(PackageRecord.read(file, "f".repeat(64)).isEmpty());
    }
}
