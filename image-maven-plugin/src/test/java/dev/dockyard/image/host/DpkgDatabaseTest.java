package dev.dockyard.image.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DpkgDatabaseTest {

    @TempDir
    Path temp;

    private static final String LIBC6 = "Package: libc6\nStatus: install ok installed\nArchitecture: amd64\n"
            + "Multi-Arch: same\nVersion: 2.36-9+deb12u9\nDescription: GNU C Library: Shared libraries\n"
            + " Contains the standard libraries.\n";
    private static final String BASE_FILES =
            "Package: base-files\nEssential: yes\nStatus: install ok installed\nArchitecture: amd64\n"
                    + "Version: 12.4+deb12u10\n";

    @Test
    void namesTheOwnerAsDpkgQueryDoesAndGivesItsStanzaByteForByte() throws Exception {
        var image = new HostLayers(temp)
                .layer()
                .file("var/lib/dpkg/status", BASE_FILES + "\n" + LIBC6 + "\n")
                .file("var/lib/dpkg/info/libc6:amd64.list", "/.\n/lib/x86_64-linux-gnu/libc.so.6\n")
                .file("var/lib/dpkg/info/base-files.list", "/.\n/etc/os-release\n")
                .image("{}");
        DpkgDatabase dpkg = DpkgDatabase.of(ImageFilesystem.of(image, temp.resolve("cache"), false));

        assertEquals("libc6:amd64", dpkg.owner("/lib/x86_64-linux-gnu/libc.so.6"));
        assertEquals("base-files", dpkg.owner("/etc/os-release"));
        assertNull(dpkg.owner("/usr/lib/x86_64-linux-gnu/libc.so.6"));
        assertEquals(LIBC6, dpkg.stanza("libc6:amd64"));
        assertEquals(BASE_FILES, dpkg.stanza("base-files"));
    }

    @Test
    void anImageWithoutDpkgHasNoDatabase() throws Exception {
        var image = new HostLayers(temp)
                .layer()
                .file("etc/alpine-release", "3.20\n")
                .image("{}");
        assertFalse(DpkgDatabase.of(ImageFilesystem.of(image, temp.resolve("cache"), false))
                .present());
    }
}
