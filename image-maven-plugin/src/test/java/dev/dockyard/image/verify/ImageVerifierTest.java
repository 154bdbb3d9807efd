package dev.dockyard.image.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dockyard.image.model.HealthCheckConfig;
import dev.dockyard.image.model.ImageDetails;
import dev.dockyard.image.model.ImageLayer;
import dev.dockyard.image.support.CoreException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The static checks and the reports, on image descriptions as the engine gives them. */
class ImageVerifierTest {

    private static final HealthCheckConfig HEALTH = new HealthCheckConfig(
            List.of("CMD", "/probe"), Duration.ofSeconds(10), Duration.ofSeconds(3), Duration.ofSeconds(20), 3);

    @TempDir
    Path reports;

    @Test
    void sizeFailureNamesBudgetExcessAndTheThreeLargestLayers() {
        ImageDetails image = image(
                "65532:65532",
                HEALTH,
                Set.of("8080/tcp"),
                List.of(
                        new ImageLayer("<missing>", 48_900_000, "", 0, "Imported from -"),
                        new ImageLayer("a", 35_400_000, "COPY dir:" + "0".repeat(64) + " in /opt/java", 0, ""),
                        new ImageLayer("b", 0, "/bin/sh -c #(nop)  USER 65532:65532", 0, ""),
                        new ImageLayer(
                                "c", 4_200, "/bin/sh -c #(nop) COPY dir:" + "1".repeat(64) + " in /app/app/", 0, ""),
                        new ImageLayer(
                                "d", 3_100, "/bin/sh -c #(nop) COPY dir:" + "2".repeat(64) + " in /app/lib/", 0, "")));
        Check check = ImageVerifier.size(image, 60_000_000);
        assertTrue(check.failed());
        assertEquals(
                "image size 84.3 MB exceeds <maxImageSize> 60.0 MB by 24.3 MB; largest layers: 48.9 MB"
                        + " (base image layer: Imported from -); 35.4 MB COPY dir to /opt/java; 4.2 kB COPY dir to /app/app/."
                        + " Shrink those layers or raise <maxImageSize>.",
                CoreException.plain(check.message()));
        assertFalse(ImageVerifier.size(image, 84_307_300).failed());
        assertTrue(ImageVerifier.size(image, 84_307_299).failed());
    }

    @Test
    void rootInAnyFormFails() {
        for (String user : List.of("", "root", "0", "0:0", "root:staff")) {
            assertTrue(
                    ImageVerifier.user(image(user, HEALTH, Set.of(), List.of())).failed(), user);
        }
        for (String user : List.of("65532:65532", "1000", "app", "app:app")) {
            assertFalse(
                    ImageVerifier.user(image(user, HEALTH, Set.of(), List.of())).failed(), user);
        }
        assertEquals(
                "the image runs as root (USER not set): end the Dockerfile with a numeric non-root USER, e.g."
                        + " USER 65532:65532 (<user>)",
                CoreException.plain(ImageVerifier.user(image("", HEALTH, Set.of(), List.of()))
                        .message()));
    }

    @Test
    void healthCheckPortsAndLabels() {
        assertTrue(
                ImageVerifier.healthCheck(image("1", null, Set.of(), List.of())).failed());
        HealthCheckConfig none = new HealthCheckConfig(
                List.of("NONE"), Duration.ofSeconds(30), Duration.ofSeconds(30), Duration.ZERO, 3);
        assertTrue(
                ImageVerifier.healthCheck(image("1", none, Set.of(), List.of())).failed());
        assertEquals(
                "HEALTHCHECK every 10s, timeout 3s, start period 20s, 3 retries",
                ImageVerifier.healthCheck(image("1", HEALTH, Set.of(), List.of()))
                        .message());
        assertEquals(Duration.ofSeconds(33), HEALTH.firstVerdictWithin());

        ImageDetails image = image("1", HEALTH, Set.of("8080/tcp", "9000/tcp"), List.of());
        assertFalse(ImageVerifier.ports(image, List.of(9000, 8080)).failed());
        Check ports = ImageVerifier.ports(image, List.of(8080));
        assertEquals(
                "the image exposes 8080/tcp, 9000/tcp but <port> and <ports> configure 8080/tcp:"
                        + " make EXPOSE match",
                CoreException.plain(ports.message()));

        Check labels = ImageVerifier.labels(image, List.of("org.opencontainers.image.title", "team", "tier"));
        assertEquals(
                "the image lacks the required labels team, tier (<requiredLabels>)",
                CoreException.plain(labels.message()));
        assertFalse(ImageVerifier.labels(image, List.of("org.opencontainers.image.title"))
                .failed());
    }

    @Test
    void junitXmlHasOneTestcasePerCheckAndHtmlTheLayers() throws Exception {
        ImageDetails image = image(
                "65532",
                HEALTH,
                Set.of("8080/tcp"),
                List.of(new ImageLayer("a", 1_000_000, "COPY dir:" + "0".repeat(64) + " in /opt/<java>", 0, "")));
        Verification verification = new Verification(
                image,
                List.of(
                        Check.pass("size", "image size 1.0 MB is within image.maxImageSize 150.0 MB", Duration.ZERO),
                        Check.fail(
                                "healthy",
                                "the container exited with status 3",
                                Duration.ofMillis(700),
                                List.of("missing configuration: <DB_URL>")),
                        Check.skipped("sigterm-stop", "the container did not become healthy")));

        Path junit = VerificationReports.writeJUnit(verification, "image-orders", reports);
        String xml = Files.readString(junit);
        assertEquals(reports.resolve("TEST-image-orders.xml"), junit);
        assertTrue(
                xml.contains("<testsuite name=\"image-orders\" tests=\"3\" failures=\"1\" errors=\"0\""
                        + " skipped=\"1\" time=\"0.700\">"),
                xml);
        assertTrue(
                xml.contains("<testcase classname=\"image-orders\" name=\"healthy\" time=\"0.700\"><failure"
                        + " message=\"the container exited with status 3\" type=\"image:verify\">missing configuration:"
                        + " &lt;DB_URL&gt;</failure></testcase>"),
                xml);
        assertTrue(
                xml.contains("<testcase classname=\"image-orders\" name=\"sigterm-stop\" time=\"0.000\"><skipped"
                        + " message=\"the container did not become healthy\"/></testcase>"),
                xml);

        Path html = reports.resolve("image-report.html");
        VerificationReports.writeHtml(
                verification,
                "Image orders:1.0",
                List.of(
                        "java.base: always added: every runtime holds it",
                        "java.sql: class reference: orders-1.0.jar, shop.Orders names java.sql.Connection"),
                html);
        String page = Files.readString(html);
        assertTrue(page.contains("<td class=\"FAIL\">FAIL</td>"));
        assertTrue(
                page.contains("<h2>Runtime modules</h2>\n<table><tr><th>Module</th><th>Why it is linked</th></tr>\n"
                        + "<tr><td><code>java.base</code></td><td>always added: every runtime holds it</td></tr>\n"
                        + "<tr><td><code>java.sql</code></td><td>class reference: orders-1.0.jar, shop.Orders names"
                        + " java.sql.Connection</td></tr>\n</table>"),
                page);
        assertTrue(page.contains("<div class=\"bar\" style=\"width:100.0%\"></div>"));
        assertTrue(page.contains("<code>COPY dir to /opt/&lt;java&gt;</code>"));
        assertTrue(page.contains("missing configuration: &lt;DB_URL&gt;"));
    }

    @Test
    void theReportShowsTheHealthCheckAsTheDockerfileWroteIt() throws Exception {
        String recorded = "/bin/sh -c #(nop)  HEALTHCHECK &{[\"CMD\" \"/opt/java/bin/java\" \"-cp\""
                + " \"/opt/dockyard/probe/\" \"dev.dockyard.image.probe.HealthProbe\""
                + " \"http://127.0.0.1:8080/health\"] \"10s\" \"3s\" \"20s\" '\\x03'}";
        ImageLayer layer = new ImageLayer("h", 0, recorded, 0, "");
        assertEquals(
                "HEALTHCHECK --interval=10s --timeout=3s --start-period=20s --retries=3 CMD"
                        + " [\"/opt/java/bin/java\", \"-cp\", \"/opt/dockyard/probe/\","
                        + " \"dev.dockyard.image.probe.HealthProbe\", \"http://127.0.0.1:8080/health\"]",
                layer.instruction());
        assertEquals(
                "HEALTHCHECK --interval=30s --retries=5 CMD curl -f http://localhost/ || exit 1",
                new ImageLayer(
                                "s",
                                0,
                                "/bin/sh -c #(nop)  HEALTHCHECK &{[\"CMD-SHELL\" \"curl -f"
                                        + " http://localhost/ || exit 1\"] \"30s\" \"0s\" \"0s\" '\\x05'}",
                                0,
                                "")
                        .instruction());
        assertEquals(
                "HEALTHCHECK NONE",
                new ImageLayer(
                                "n",
                                0,
                                "/bin/sh -c #(nop)  HEALTHCHECK &{[\"NONE\"] \"0s\"" + " \"0s\" \"0s\" '\\x00'}",
                                0,
                                "")
                        .instruction());

        Path html = reports.resolve("image-report.html");
        VerificationReports.writeHtml(
                new Verification(image("65532", HEALTH, Set.of(), List.of(layer)), List.of()),
                "Image orders:1.0",
                List.of(),
                html);
        String page = Files.readString(html);
        assertFalse(page.contains("Runtime modules"), page);
        assertTrue(
                page.contains("<code>HEALTHCHECK --interval=10s --timeout=3s --start-period=20s --retries=3 CMD"
                        + " [&quot;/opt/java/bin/java&quot;"),
                page);
        assertFalse(page.contains("&amp;{"), page);
    }

    @Test
    void theReportOfABuildForSeveralPlatformsListsEachPlatformsImageWithItsSizeAndReport(@TempDir Path reports)
            throws Exception {
        Path html = reports.resolve("image-report.html");
        VerificationReports.writeHtml(
                new Verification(image("65532", HEALTH, Set.of(), List.of()), List.of()),
                "Image orders:1.0",
                List.of(),
                List.of(
                        new VerificationReports.PlatformImage("linux/amd64", 41_200_000, "image-report.html"),
                        new VerificationReports.PlatformImage(
                                "linux/arm64", 41_100_000, "image-report-linux-arm64.html")),
                html);
        String page = Files.readString(html);
        assertTrue(page.contains("<h2>Platforms</h2>"), page);
        assertTrue(
                page.contains("<tr><td><a href=\"image-report-linux-arm64.html\">linux/arm64</a></td>"
                        + "<td class=\"size\">41.1 MB</td></tr>"),
                page);
    }

    private static ImageDetails image(
            String user, HealthCheckConfig health, Set<String> ports, List<ImageLayer> layers) {
        return new ImageDetails(
                "sha256:" + "a".repeat(64),
                List.of("orders:1.0"),
                layers.stream().mapToLong(ImageLayer::size).sum(),
                "2026-01-01T00:00:00Z",
                user,
                health,
                ports,
                Map.of("org.opencontainers.image.title", "Orders"),
                layers);
    }
}
