package dev.dockyard.image.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The java-service template's check, after the libraries are copied into /rootfs, that the runtime's dynamic loader
 * and libc are there: the rendered shell lines, run by this machine's {@code /bin/sh} over a root filesystem holding
 * this JVM's own {@code bin/java} (a real dynamically linked executable), with a {@code PATH} that has no {@code ldd}
 * (as a minimal or musl builder) or has one. The loader the check must name is read from the executable's ELF
 * program headers here, independently of the shell's way of finding it.
 */
class RootfsRuntimeCheckTest {

    private static final String WAY_OUT = ": /opt/java/bin/java could not start; use a glibc builder image that has"
            + " ldd (image.builderImage) or the template java-service-debian (image.template)";

    @TempDir
    Path dir;

    private Path java;
    private String loader;
    private String check;

    @BeforeEach
    void setUp() throws Exception {
        java = Path.of(System.getProperty("java.home"), "bin", "java");
        assumeTrue(Files.isExecutable(Path.of("/bin/sh")), "a POSIX shell");
        loader = interpreter(java);
        assumeTrue(loader != null && loader.contains("/ld-linux"), "a java launcher linked against glibc");
        RenderResult result = new DockerfileRenderer(new TemplateEngines())
                .render(Requests.fixture(dir.resolve("project")).request("java-service", null));
        check = checkLines(Files.readString(result.dockerfile(), StandardCharsets.UTF_8));
    }

    @Test
    void passesWhenTheLoaderAndLibcAreCopied() throws Exception {
        Path root = root();
        touch(root.resolve(loader.substring(1)));
        touch(root.resolve("lib/x86_64-linux-gnu/libc.so.6"));
        assertEquals(List.of("exit 0"), run(root, false));
    }

    @Test
    void withoutLddTheBuilderIsNamedAndTheStepFails() throws Exception {
        assertEquals(
                List.of(
                        "[dockyard] the builder image has no ldd, so the image would lack the dynamic loader " + loader
                                + " and libc.so.6" + WAY_OUT,
                        "exit 1"),
                run(root(), false));
    }

    @Test
    void withLddWhatItDidNotListIsNamed() throws Exception {
        Path root = root();
        touch(root.resolve(loader.substring(1)));
        assertEquals(
                List.of("[dockyard] ldd on the builder image did not list libc.so.6" + WAY_OUT, "exit 1"),
                run(root, true));
    }

    /** A root filesystem with only the runtime's launcher. */
    private Path root() throws IOException {
        Path root = dir.resolve("rootfs");
        Files.createDirectories(root.resolve("opt/java/bin"));
        Files.copy(java, root.resolve("opt/java/bin/java"));
        return root;
    }

    /** The check's output lines and its exit status, run with only tr, sed and find (and ldd when asked) on PATH. */
    private List<String> run(Path root, boolean ldd) throws Exception {
        Path bin = Files.createDirectories(dir.resolve("bin"));
        for (String tool : List.of("tr", "sed", "find")) {
            Files.createSymbolicLink(bin.resolve(tool), tool(tool));
        }
        if (ldd) {
            Path fake = Files.writeString(bin.resolve("ldd"), "#!/bin/sh\nexit 0\n");
            Files.setPosixFilePermissions(fake, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        String script = "set -eu\n" + check.replace("/rootfs", root.toString()) + "\n";
        ProcessBuilder builder = new ProcessBuilder("/bin/sh", "-c", script).redirectErrorStream(true);
        builder.environment().put("PATH", bin.toString());
        Process process = builder.start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(30, TimeUnit.SECONDS), "the check ends");
        List<String> lines = new ArrayList<>(out.lines().toList());
        lines.add("exit " + process.exitValue());
        return lines;
    }

    /** The rendered lines from {@code java=/rootfs…} to the end of the {@code if} that fails the step. */
    private static String checkLines(String dockerfile) {
        int from = dockerfile.indexOf("    java=/rootfs/opt/java/bin/java;");
        int exit = dockerfile.indexOf("exit 1;", from);
        String end = "    fi; \\\n";
        int to = dockerfile.indexOf(end, exit) + end.length();
        assertTrue(from >= 0 && exit > from, "the check is rendered");
        return dockerfile.substring(from, to).replace(" \\\n", "\n");
    }

    private static Path tool(String name) {
        for (String directory : List.of("/usr/bin", "/bin")) {
            Path candidate = Path.of(directory, name);
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("no " + name);
    }

    private static void touch(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, "");
    }

    /** PT_INTERP of a 64-bit little-endian ELF executable, or {@code null}. */
    private static String interpreter(Path executable) throws IOException {
        ByteBuffer elf = ByteBuffer.wrap(Files.readAllBytes(executable)).order(ByteOrder.LITTLE_ENDIAN);
        if (elf.limit() < 64 || elf.getInt(0) != 0x464c457f || elf.get(4) != 2 || elf.get(5) != 1) {
            return null;
        }
        long table = elf.getLong(0x20);
        int size = Short.toUnsignedInt(elf.getShort(0x36));
        int count = Short.toUnsignedInt(elf.getShort(0x38));
        for (int i = 0; i < count; i++) {
            int header = Math.toIntExact(table + (long) i * size);
            if (elf.getInt(header) == 3) {
                int offset = Math.toIntExact(elf.getLong(header + 8));
                int length = Math.toIntExact(elf.getLong(header + 32));
                // the string ends with its NUL
                return new String(elf.array(), offset, length - 1, StandardCharsets.US_ASCII);
            }
        }
        return null;
    }
}
