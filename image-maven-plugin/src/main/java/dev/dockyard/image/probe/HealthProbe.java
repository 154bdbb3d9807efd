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

    private HealthProbe() {}

    public static void main(String[] args) {
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
}
