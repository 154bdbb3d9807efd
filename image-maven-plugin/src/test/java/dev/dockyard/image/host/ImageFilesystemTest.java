package dev.dockyard.image.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageFilesystemTest {

    @TempDir
    Path temp;

    @Test
    void readsTheLayersWithTheirWhiteoutsAndFollowsLinksAsTheImageDoes() throws Exception {
        var image = new HostLayers(temp)
                .layer()
                .dir("usr")
                .dir("usr/lib")
                .dir("usr/lib/x86_64-linux-gnu")
                .link("lib", "usr/lib")
                .file("usr/lib/x86_64-linux-gnu/libc.so.6", 0755, new byte[] {1, 2, 3})
                .file("usr/lib/x86_64-linux-gnu/libgone.so.1", "gone")
                .dir("etc")
                .dir("etc/old")
                .file("etc/old/a.conf", "a")
                .link("etc/os-release", "../usr/lib/os-release")
                .file("usr/lib/os-release", "ID=debian\n")
                .file("usr/share/doc/readme", "not kept")
                .layer()
                .file("usr/lib/x86_64-linux-gnu/.wh.libgone.so.1", "")
                .dir("etc/old")
                .file("etc/old/.wh..wh..opq", "")
                .file("etc/old/b.conf", "b")
                .image("{}");
        ImageFilesystem files = ImageFilesystem.of(image, temp.resolve("cache"), false);

        assertEquals("/usr/lib/x86_64-linux-gnu/libc.so.6", files.resolve("/lib/x86_64-linux-gnu/libc.so.6"));
        assertTrue(files.isFile("/lib/x86_64-linux-gnu/libc.so.6"));
        assertEquals(0755, files.mode("/lib/x86_64-linux-gnu/libc.so.6"));
        assertEquals(3, Files.size(files.file("/lib/x86_64-linux-gnu/libc.so.6")));
        assertEquals("ID=debian\n", Files.readString(files.file("/etc/os-release")));
        // a whiteout removes a file, an opaque directory what lower layers had in it
        assertFalse(files.isFile("/lib/x86_64-linux-gnu/libgone.so.1"));
        assertEquals(List.of("/etc/old/b.conf"), files.list("/etc/old").toList());
        // only the files a host build reads keep their bytes
        assertTrue(files.isFile("/usr/share/doc/readme"));
        assertNull(files.file("/usr/share/doc/readme"));
        assertNull(files.resolve("/missing/file"));

        assertNull(files.jmods("/opt/java/openjdk"));

        // unpacked once: a second reading takes the directory the first wrote
        ImageFilesystem again = ImageFilesystem.of(image, temp.resolve("cache"), false);
        assertEquals("ID=debian\n", Files.readString(again.file("/etc/os-release")));
    }

    @Test
    void keepsTheJmodsAnotherPlatformsRuntimeIsLinkedFromOnlyWhenAsked() throws Exception {
        var image = new HostLayers(temp)
                .layer()
                .dir("opt/java/openjdk/jmods")
                .file("opt/java/openjdk/jmods/java.base.jmod", "base")
                .file("opt/java/openjdk/jmods/java.logging.jmod", "logging")
                .file("opt/java/openjdk/lib/modules", "not kept")
                .image("{}");
        ImageFilesystem files = ImageFilesystem.of(image, temp.resolve("cache"), true);

        Path jmods = files.jmods("/opt/java/openjdk");
        assertEquals("logging", Files.readString(jmods.resolve("java.logging.jmod")));
        assertNull(files.file("/opt/java/openjdk/lib/modules"));

        // an image of this machine's platform: its JDK's jmods are listed, their bytes not kept (no cross link)
        ImageFilesystem own = ImageFilesystem.of(image, temp.resolve("own"), false);
        assertTrue(own.isFile("/opt/java/openjdk/jmods/java.base.jmod"));
        assertNull(own.file("/opt/java/openjdk/jmods/java.base.jmod"));
        assertNull(own.jmods("/opt/java/openjdk"));
    }

    @Test
    void namesTheGnuToolsOfAPlatform() {
        assertEquals("aarch64-linux-gnu", HostStages.gnuTriplet("linux/arm64"));
        assertEquals("aarch64-linux-gnu", HostStages.gnuTriplet("linux/arm64/v8"));
        assertEquals("x86_64-linux-gnu", HostStages.gnuTriplet("linux/amd64"));
        assertEquals("s390x-linux-gnu", HostStages.gnuTriplet("linux/s390x"));
    }
}
