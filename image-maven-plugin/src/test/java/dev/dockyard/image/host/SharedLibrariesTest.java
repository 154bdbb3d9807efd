package dev.dockyard.image.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The libraries a runtime loads, found from the ELF files as the dynamic loader finds them: checked on this machine's
 * own JDK launcher and C library (a Debian-style x86-64 Linux), laid out as a merged-/usr image.
 */
class SharedLibrariesTest {

    @TempDir
    Path temp;

    private static final Path LIBS = Path.of("/usr/lib/x86_64-linux-gnu");

    @Test
    void listsWhatLddListsTheLoaderUnderItsProgramInterpreterPath() throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin/java");
        assumeTrue(
                HostStages.hostPlatform().equals("linux/amd64")
                        && Files.isRegularFile(LIBS.resolve("libc.so.6"))
                        && Files.isRegularFile(LIBS.resolve("libz.so.1"))
                        && Files.isRegularFile(java),
                "a Debian-style x86-64 Linux with libz");
        var image = new HostLayers(temp)
                .layer()
                .dir("usr")
                .dir("usr/lib")
                .dir("usr/lib/x86_64-linux-gnu")
                .dir("usr/lib64")
                .link("lib", "usr/lib")
                .link("lib64", "usr/lib64")
                .link("usr/lib64/ld-linux-x86-64.so.2", "/lib/x86_64-linux-gnu/ld-linux-x86-64.so.2")
                .file(
                        "usr/lib/x86_64-linux-gnu/ld-linux-x86-64.so.2",
                        0755,
                        Files.readAllBytes(LIBS.resolve("ld-linux-x86-64.so.2")))
                .file("usr/lib/x86_64-linux-gnu/libc.so.6", 0755, Files.readAllBytes(LIBS.resolve("libc.so.6")))
                .file("usr/lib/x86_64-linux-gnu/libz.so.1", 0644, Files.readAllBytes(LIBS.resolve("libz.so.1")))
                .dir("etc")
                .dir("etc/ld.so.conf.d")
                .file("etc/ld.so.conf", "include /etc/ld.so.conf.d/*.conf\n")
                .file(
                        "etc/ld.so.conf.d/x86_64-linux-gnu.conf",
                        "# Multiarch support\n/usr/local/lib/x86_64-linux-gnu\n/lib/x86_64-linux-gnu\n"
                                + "/usr/lib/x86_64-linux-gnu\n")
                .image("{}");
        ImageFilesystem files = ImageFilesystem.of(image, temp.resolve("cache"), false);
        // a runtime with the launcher and the library it loads from its own lib/ ($ORIGIN/../lib)
        Path runtime = temp.resolve("runtime");
        Files.createDirectories(runtime.resolve("bin"));
        Files.createDirectories(runtime.resolve("lib"));
        Files.copy(java, runtime.resolve("bin/java"));
        Path jli = Path.of(System.getProperty("java.home"), "lib/libjli.so");
        assumeTrue(Files.isRegularFile(jli));
        Files.copy(jli, runtime.resolve("lib/libjli.so"));

        Set<String> listed = new SharedLibraries(files)
                .of(runtime, "/opt/java/openjdk", List.of("bin/java", "lib/libjli.so"), List.of());

        assertEquals(
                Set.of(
                        "/lib/x86_64-linux-gnu/libc.so.6",
                        "/lib/x86_64-linux-gnu/libz.so.1",
                        "/lib64/ld-linux-x86-64.so.2"),
                listed);
    }
}
