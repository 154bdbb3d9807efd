package dev.dockyard.image.verify;

import dev.dockyard.image.model.ImageDetails;
import dev.dockyard.image.model.ImageLayer;
import dev.dockyard.image.support.ByteSize;
import dev.dockyard.image.support.JUnitXml;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * The reports of a verification: JUnit XML (one testcase per check, so CI systems show them) and an HTML page with
 * the image's layers as a size chart and the verdicts.
 */
public final class VerificationReports {

    private VerificationReports() {}

    /** Writes {@code TEST-<suite>.xml} in {@code directory}: one testcase per check. */
    public static Path writeJUnit(Verification verification, String suite, Path directory) throws IOException {
        List<Check> checks = verification.checks();
        List<JUnitXml.TestCase> cases = checks.stream()
                .map(check -> new JUnitXml.TestCase(
                        suite,
                        check.name(),
                        seconds(check.time()),
                        check.status() == Check.Status.FAIL
                                ? new JUnitXml.Failure(
                                        check.message(), "image:verify", String.join("\n", check.output()))
                                : null,
                        check.status() == Check.Status.SKIPPED ? check.message() : null,
                        check.status() == Check.Status.PASS ? check.message() : null))
                .toList();
        return JUnitXml.write(
                directory.resolve("TEST-" + suite + ".xml"),
                suite,
                seconds(checks.stream().map(Check::time).reduce(Duration.ZERO, Duration::plus)),
                cases);
    }

    /**
     * Writes a self-contained HTML page: the verdicts, the layers as a horizontal bar chart, then why each runtime
     * module is linked.
     *
     * @param moduleReasons lines {@code module: why} (the render's module reasons); none for no such section
     */
    public static void writeHtml(Verification verification, String title, List<String> moduleReasons, Path file)
            throws IOException {
        writeHtml(verification, title, moduleReasons, List.of(), file);
    }

    /** The HTML report's file name: {@code image-report.html}, for another platform's image with the platform in it. */
    public static String htmlName(String platform) {
        return "image-report" + suffix(platform) + ".html";
    }

    /** What the names of another platform's reports end in: {@code -linux-arm64}; empty for the engine's image. */
    public static String suffix(String platform) {
        return platform == null ? "" : "-" + platform.replace('/', '-');
    }

    /**
     * One image of a build for several platforms, as the report lists them: its platform, its size, and the file name
     * of its report.
     */
    public record PlatformImage(String platform, long size, String report) {}

    /**
     * As {@link #writeHtml(Verification, String, List, Path)}, with a table of every platform's image of the build
     * (none for a single-platform build), each linked to its report.
     */
    public static void writeHtml(
            Verification verification,
            String title,
            List<String> moduleReasons,
            List<PlatformImage> platforms,
            Path file)
            throws IOException {
        ImageDetails image = verification.image();
        long largest = image.layers().stream().mapToLong(ImageLayer::size).max().orElse(1);
        StringBuilder html = new StringBuilder();
        html.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>")
                .append(escape(title))
                .append("</title>\n<style>\n")
                .append("body{font-family:system-ui,sans-serif;margin:2rem;color:#222}")
                .append("table{border-collapse:collapse;margin-bottom:2rem}")
                .append("td,th{padding:.3rem .6rem;text-align:left;vertical-align:top;border-bottom:1px solid #ddd}")
                .append(".PASS{color:#176f2c;font-weight:bold}.FAIL{color:#b00020;font-weight:bold}")
                .append(".SKIPPED{color:#777}.bar{background:#3b78c2;height:1rem;min-width:1px}")
                .append(".size{text-align:right;white-space:nowrap}code{font-size:.85rem;word-break:break-all}")
                .append("\n</style></head><body>\n");
        html.append("<h1>")
                .append(escape(title))
                .append("</h1>\n<p>Image <code>")
                .append(escape(image.id()))
                .append("</code>, ")
                .append(escape(String.join(", ", image.tags())))
                .append(", <strong>")
                .append(ByteSize.format(image.size()))
                .append("</strong> in ")
                .append(image.layers().size())
                .append(" steps.</p>\n");
        if (!platforms.isEmpty()) {
            html.append("<h2>Platforms</h2>\n<table><tr><th>Platform</th><th class=\"size\">Size</th></tr>\n");
            for (PlatformImage platform : platforms) {
                html.append("<tr><td><a href=\"")
                        .append(escape(platform.report()))
                        .append("\">")
                        .append(escape(platform.platform()))
                        .append("</a></td><td class=\"size\">")
                        .append(ByteSize.format(platform.size()))
                        .append("</td></tr>\n");
            }
            html.append("</table>\n");
        }
        html.append("<h2>Checks</h2>\n<table><tr><th>Check</th><th>Verdict</th><th>Finding</th></tr>\n");
        for (Check check : verification.checks()) {
            html.append("<tr><td>")
                    .append(escape(check.name()))
                    .append("</td><td class=\"")
                    .append(check.status())
                    .append("\">")
                    .append(check.status())
                    .append("</td><td>")
                    .append(escape(check.message()));
            if (!check.output().isEmpty()) {
                html.append("<pre>")
                        .append(escape(String.join("\n", check.output())))
                        .append("</pre>");
            }
            html.append("</td></tr>\n");
        }
        html.append("</table>\n<h2>Layers</h2>\n<table><tr><th class=\"size\">Size</th><th style=\"width:30%\">"
                + "</th><th>Instruction</th></tr>\n");
        for (ImageLayer layer : image.layers()) {
            double percent = largest == 0 ? 0 : 100.0 * layer.size() / largest;
            html.append("<tr><td class=\"size\">")
                    .append(ByteSize.format(layer.size()))
                    .append("</td><td><div class=\"bar\" style=\"width:")
                    .append(String.format(Locale.ROOT, "%.1f", percent))
                    .append("%\"></div></td><td><code>")
                    .append(escape(layer.instruction()))
                    .append("</code></td></tr>\n");
        }
        html.append("</table>\n");
        if (!moduleReasons.isEmpty()) {
            html.append("<h2>Runtime modules</h2>\n<table><tr><th>Module</th><th>Why it is linked</th></tr>\n");
            for (String line : moduleReasons) {
                int colon = line.indexOf(": ");
                html.append("<tr><td><code>")
                        .append(escape(colon < 0 ? line : line.substring(0, colon)))
                        .append("</code></td><td>")
                        .append(escape(colon < 0 ? "" : line.substring(colon + 2)))
                        .append("</td></tr>\n");
            }
            html.append("</table>\n");
        }
        html.append("</body></html>\n");
        Files.createDirectories(file.getParent());
        Files.writeString(file, html, StandardCharsets.UTF_8);
    }

    private static String seconds(Duration duration) {
        return String.format(Locale.ROOT, "%.3f", duration.toMillis() / 1000.0);
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;");
    }
}
