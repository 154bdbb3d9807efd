package dev.dockyard.image.support;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * One goal at a time writes or reads a module's build context: two builds of the same module at once (two
 * {@code mvn} processes, an IDE and a terminal) take turns instead of one deleting the Dockerfile the other is
 * sending to the engine. An operating system lock ({@link FileChannel#lock}) on a file of its own per module, kept
 * outside the module ({@code java.io.tmpdir}, where {@code mvn clean} does not delete it), named after the module's
 * directory; the system releases it when the process ends, however it ends. The lock file says who holds it, so
 * that the one who waits can say for whom.
 */
public final class ModuleLock implements AutoCloseable {

    private static final Duration RETRY = Duration.ofMillis(200);

    private final FileChannel channel;
    private final FileLock lock;

    private ModuleLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Takes the lock of {@code module}, waiting at most {@code wait} for the build that holds it.
     *
     * @param module   the module's directory
     * @param holder   who takes it, as the next one waiting should read it: {@code "image:build of orders"}
     * @param locks    the directory of the lock files
     * @param waiting  told once, when the lock is held by another build, who holds it
     * @throws UserFixableException the other build still held it after {@code wait}
     * @throws IOException          the lock file cannot be written
     */
    public static ModuleLock acquire(Path module, String holder, Path locks, Duration wait, Consumer<String> waiting)
            throws UserFixableException, IOException, InterruptedException {
        Files.createDirectories(locks);
        Path file = locks.resolve(Sha256.hex(module.toAbsolutePath().normalize().toString()) + ".lock");
        FileChannel channel =
                FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
        try {
            long deadline = System.nanoTime() + wait.toNanos();
            boolean told = false;
            while (true) {
                FileLock lock = tryLock(channel);
                if (lock != null) {
                    channel.truncate(0);
                    channel.write(
                            ByteBuffer.wrap((holder + " in process "
                                            + ProcessHandle.current().pid())
                                    .getBytes(StandardCharsets.UTF_8)),
                            0);
                    channel.force(false);
                    return new ModuleLock(channel, lock);
                }
                String other = holder(file);
                if (System.nanoTime() >= deadline) {
                    throw new UserFixableException("Another build of " + module + " (" + other + ") has been using its"
                            + " build context for " + DurationText.format(wait) + ": wait until it ends, or stop it;"
                            + " one module's image is built by one build at a time");
                }
                if (!told) {
                    waiting.accept("Waiting for another build of this module to finish (" + other + ")");
                    told = true;
                }
                Thread.sleep(RETRY.toMillis());
            }
        } catch (IOException | UserFixableException | InterruptedException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    /** The lock, or {@code null} when another process (or another build in this JVM) holds it. */
    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException sameJvm) {
            return null;
        }
    }

    private static String holder(Path file) {
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8).strip();
            return text.isEmpty() ? "a process that is starting" : text;
        } catch (IOException e) {
            return "holder unknown: " + e.getMessage();
        }
    }

    /** Lets the next build in (the system lets it in anyway when this process ends). */
    @Override
    public void close() {
        try {
            channel.truncate(0);
            lock.release();
            channel.close();
        } catch (IOException e) {
            // released with the channel, or at the latest with the process
        }
    }
}
