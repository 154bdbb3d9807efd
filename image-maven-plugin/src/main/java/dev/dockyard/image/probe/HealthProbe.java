package dev.dockyard.image.probe;

import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;

/**
 * The container health check, shipped into every image and run by its own Java runtime, so that images need no
 * shell, curl or wget. Uses {@code java.base} only.
 *
 * <p>Usage: {@code java -cp /opt/dockyard/probe dev.dockyard.image.probe.HealthProbe http://127.0.0.1:8080/health}.
 * Exits 0 when the endpoint answers 2xx or 3xx within the time-outs, 1 otherwise, and prints one line saying why.
 */
public final class HealthProbe {

    private static final int TIMEOUT_MILLIS = 5_000;
    /** First argument of the training mode. */
    public static final String TRAIN = "--train";
    /** Health URL argument of the training mode when the service ends its training run by itself. */
    public static final String EXITS_BY_ITSELF = "-";
    /** Log lines of the service shown when its training run fails. */
    private static final int LAST_LINES = 25;

    private HealthProbe() {}

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals(TRAIN)) {
            System.exit(train(args));
        }
        if (args.length != 1) {
            System.err.println("usage: HealthProbe <url>");
            System.exit(2);
        }
        System.exit(check(args[0]));
    }

    static int check(String url) {
        HttpURLConnection connection = null;
        try {
            connection = (HttpURLConnection) URI.create(url).toURL().openConnection();
            connection.setConnectTimeout(TIMEOUT_MILLIS);
            connection.setReadTimeout(TIMEOUT_MILLIS);
            connection.setInstanceFollowRedirects(false);
            connection.setRequestProperty("User-Agent", "dockyard-health-probe");
            int status = connection.getResponseCode();
            drain(connection);
            System.out.println(url + " -> " + status);
            return healthy(status) ? 0 : 1;
        } catch (IOException | IllegalArgumentException e) {
            System.out.println(url + " -> " + e);
            return 1;
        } finally {
            if (connection != null) {
                connection.disconnect();
            }
        }
    }

    /**
     * Whether an HTTP status means healthy: 2xx, or 3xx (a redirect answers, and is not followed). The one rule for
     * the probe in the image and for {@code image:verify}'s HTTP check.
     */
    public static boolean healthy(int status) {
        return status >= 200 && status < 400;
    }

    private static void drain(HttpURLConnection connection) throws IOException {
        InputStream body =
                connection.getResponseCode() >= 400 ? connection.getErrorStream() : connection.getInputStream();
        if (body != null) {
            try (body) {
                body.transferTo(java.io.OutputStream.nullOutputStream());
            }
        }
    }

    /**
     * The training run of the startup cache, in the image's own runtime: {@code --train <seconds> <url|-> <archive>
     * <command...>}. Starts the command (the service with the archive-writing JVM options); with a URL, waits until it
     * answers healthy, then stops the service with SIGTERM; with {@code -}, waits until it exits by itself (Spring
     * Boot's {@code -Dspring.context.exit=onRefresh}) with status 0. Then the archive must exist. Exits 0 when it
     * does; otherwise prints one {@code [dockyard]} line saying why and the service's last log lines, and exits 1.
     */
    static int train(String[] args) {
        if (args.length < 5) {
            System.err.println("usage: HealthProbe --train <seconds> <url|-> <archive> <command...>");
            return 2;
        }
        long deadline = System.nanoTime() + Long.parseLong(args[1]) * 1_000_000_000L;
        String url = args[2];
        java.nio.file.Path archive = java.nio.file.Path.of(args[3]);
        java.util.List<String> command = java.util.List.of(args).subList(4, args.length);
        java.util.ArrayDeque<String> last = new java.util.ArrayDeque<>();
        Process process;
        try {
            java.nio.file.Files.createDirectories(archive.toAbsolutePath().getParent());
            process = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            System.out.println("[dockyard] startup cache training could not start " + command.get(0) + ": " + e);
            return 1;
        }
        Thread reader = new Thread(() -> keepLast(process.getInputStream(), last));
        reader.setDaemon(true);
        reader.start();
        String failure = null;
        try {
            if (url.equals(EXITS_BY_ITSELF)) {
                if (!process.waitFor(remaining(deadline), java.util.concurrent.TimeUnit.NANOSECONDS)) {
                    failure = "timed out after " + args[1] + " s before the service exited by itself";
                } else if (process.exitValue() != 0) {
                    failure = "failed: the service exited with status " + process.exitValue();
                }
            } else {
                failure = awaitHealthy(process, url, deadline, args[1]);
                if (failure == null) {
                    // SIGTERM: the JVM writes the archive as it exits. Through the handle, which leaves the output
                    // pipe open: Process.destroy() closes it, and the JDK 25 AOT cache's assembly, a child JVM
                    // writing to that pipe as the service exits, then dies of SIGPIPE and writes no cache.
                    process.toHandle().destroy();
                    if (!process.waitFor(remaining(deadline), java.util.concurrent.TimeUnit.NANOSECONDS)) {
                        failure = "timed out after " + args[1] + " s: the service did not exit on SIGTERM";
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failure = "was interrupted";
        }
        if (failure != null) {
            process.destroyForcibly();
        } else if (!java.nio.file.Files.isRegularFile(archive)) {
            failure = "failed: the service exited but the JVM wrote no archive " + archive;
        }
        try {
            reader.join(2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (failure == null) {
            System.out.println("[dockyard] startup cache trained: " + archive);
            return 0;
        }
        synchronized (last) {
            System.out.println("[dockyard] startup cache training " + failure + "; the last " + last.size()
                    + " log lines of the service follow");
            for (String line : last) {
                System.out.println("[dockyard] | " + line);
            }
        }
        return 1;
    }

    private static String awaitHealthy(Process process, String url, long deadline, String seconds)
            throws InterruptedException {
        while (true) {
            if (!process.isAlive()) {
                return "failed: the service exited with status " + process.exitValue() + " before " + url + " answered";
            }
            if (quietCheck(url)) {
                return null;
            }
            if (remaining(deadline) <= 0) {
                return "timed out after " + seconds + " s: " + url + " did not answer healthy";
            }
            Thread.sleep(200);
        }
    }

    private static boolean quietCheck(String url) {
        HttpURLConnection connection = null;
        try {
            connection = (HttpURLConnection) URI.create(url).toURL().openConnection();
            connection.setConnectTimeout(TIMEOUT_MILLIS);
            connection.setReadTimeout(TIMEOUT_MILLIS);
            connection.setInstanceFollowRedirects(false);
            int status = connection.getResponseCode();
            drain(connection);
            return healthy(status);
        } catch (IOException | IllegalArgumentException e) {
            return false;
        } finally {
            if (connection != null) {
                connection.disconnect();
            }
        }
    }

    private static long remaining(long deadline) {
        return deadline - System.nanoTime();
    }

    private static void keepLast(InputStream in, java.util.ArrayDeque<String> last) {
        try (java.io.BufferedReader reader = new java.io.BufferedReader(
                new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                synchronized (last) {
                    if (last.size() == LAST_LINES) {
                        last.removeFirst();
                    }
                    last.addLast(line);
                }
            }
        } catch (IOException e) {
            // the process ended: what was read is kept
        }
    }
}
