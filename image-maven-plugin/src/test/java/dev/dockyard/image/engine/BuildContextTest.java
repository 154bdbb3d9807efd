package dev.dockyard.image.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BuildContextTest {

    @TempDir
    Path context;

    @Test
    void sendsWhatTheDockerignoreLetsThroughPlusTheDockerfile() throws Exception {
        write("Dockerfile", "FROM scratch\n");
        write(".dockerignore", "# staged context\n*\n!layers/\n!probe/\nlayers/**/*.tmp\n");
        write("layers/application/app.jar", "app");
        write("layers/dependencies/lib.jar", "lib");
        write("layers/dependencies/scratch.tmp", "tmp");
        write("probe/dev/Probe.class", "probe");
        write("notes.txt", "not sent");
        write("work/cache.bin", "not sent");

        BuildContext scanned = BuildContext.scan(context, "Dockerfile");

        assertEquals(
                List.of(
                        ".dockerignore",
                        "Dockerfile",
                        "layers/application/app.jar",
                        "layers/dependencies/lib.jar",
                        "probe/dev/Probe.class"),
                scanned.paths());
        assertEquals(13 + 52 + 3 + 3 + 5, scanned.bytes());
    }

    @Test
    void tarHoldsTheFilesOwnedByRoot() throws Exception {
        write("Dockerfile", "FROM scratch\n");
        write("layers/app.jar", "app");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BuildContext.scan(context, "Dockerfile").writeTar(out);

        List<String> names = new ArrayList<>();
        try (TarArchiveInputStream tar = new TarArchiveInputStream(new ByteArrayInputStream(out.toByteArray()))) {
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                names.add(entry.getName());
                assertEquals(0, entry.getLongUserId());
                assertEquals(0, entry.getLongGroupId());
                if (entry.getName().equals("layers/app.jar")) {
                    assertEquals("app", new String(tar.readAllBytes()));
                }
            }
        }
        assertEquals(List.of("Dockerfile", "layers/app.jar"), names);
    }

    @Test
    void lastMatchingRuleWinsAndParentsCount() {
        List<BuildContext.Rule> rules =
                BuildContext.parseRules(List.of("target", "!target/keep", "*.log", "**/secret*", "/docs/"));
        assertTrue(BuildContext.excluded(rules, "target/classes/A.class"));
        assertFalse(BuildContext.excluded(rules, "target/keep/file"));
        assertTrue(BuildContext.excluded(rules, "build.log"));
        assertFalse(BuildContext.excluded(rules, "logs/build.txt"));
        assertTrue(BuildContext.excluded(rules, "a/b/secret.key"));
        assertTrue(BuildContext.excluded(rules, "secret.key"));
        assertTrue(BuildContext.excluded(rules, "docs/readme.md"));
        assertFalse(BuildContext.excluded(rules, "src/docs.md"));
    }

    private void write(String path, String text) throws Exception {
        Path file = context.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }
}
