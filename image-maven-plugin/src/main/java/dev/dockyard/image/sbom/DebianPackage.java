package dev.dockyard.image.sbom;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A Debian or Ubuntu package of the image, as its entry in {@code /var/lib/dpkg/status.d/} states it.
 *
 * @param name         the package's name ({@code libc6})
 * @param version      its version, epoch included ({@code 2.36-9+deb12u4}, {@code 1:1.2.13.dfsg-1})
 * @param architecture its architecture ({@code amd64}, {@code all}); empty when the entry gives none
 */
public record DebianPackage(String name, String version, String architecture) {

    /** The directory in the image that holds one dpkg status entry per package (as distroless images have). */
    public static final String STATUS_DIRECTORY = "var/lib/dpkg/status.d";

    public DebianPackage {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(version, "version");
        architecture = architecture == null ? "" : architecture;
    }

    /**
     * @param distro the distribution's {@code ID} from {@code /etc/os-release} ({@code debian}, {@code ubuntu})
     * @return {@code pkg:deb/<distro>/<name>@<version>?arch=<architecture>}
     */
    public String purl(String distro) {
        return "pkg:deb/" + distro + "/" + name + "@" + version
                + (architecture.isEmpty() ? "" : "?arch=" + architecture);
    }

    /**
     * The packages of a {@code status.d} directory's files: every paragraph with a {@code Package} and a
     * {@code Version} field, sorted by name and architecture. A file without them is left out.
     *
     * @param files the files' contents by name
     */
    public static List<DebianPackage> parse(Map<String, byte[]> files) {
        Map<String, DebianPackage> packages = new TreeMap<>();
        for (byte[] content : files.values()) {
            for (DebianPackage p : paragraphs(new String(content, StandardCharsets.UTF_8))) {
                packages.put(p.name() + ":" + p.architecture(), p);
            }
        }
        List<DebianPackage> sorted = new ArrayList<>(packages.values());
        sorted.sort(Comparator.comparing(DebianPackage::name).thenComparing(DebianPackage::architecture));
        return sorted;
    }

    private static List<DebianPackage> paragraphs(String text) {
        List<DebianPackage> found = new ArrayList<>();
        for (String paragraph : text.replace("\r\n", "\n").split("\n\\s*\n")) {
            Map<String, String> fields = new TreeMap<>();
            for (String line : paragraph.split("\n")) {
                int colon = line.indexOf(':');
                if (colon > 0 && !Character.isWhitespace(line.charAt(0))) {
                    fields.put(
                            line.substring(0, colon).strip().toLowerCase(Locale.ROOT),
                            line.substring(colon + 1).strip());
                }
            }
            String name = fields.get("package");
            String version = fields.get("version");
            if (name != null && !name.isEmpty() && version != null && !version.isEmpty()) {
                found.add(new DebianPackage(name, version, fields.getOrDefault("architecture", "")));
            }
        }
        return found;
    }

    /**
     * The {@code ID} of an {@code /etc/os-release} file, lower case and unquoted; {@code debian} when it has none.
     */
    public static String distro(byte[] osRelease) {
        if (osRelease != null) {
            for (String line : new String(osRelease, StandardCharsets.UTF_8).split("\n")) {
                if (line.startsWith("ID=")) {
                    String id = line.substring(3).strip().replace("\"", "").replace("'", "");
                    if (id.matches("[a-z0-9._-]+")) {
                        return id;
                    }
                }
            }
        }
        return "debian";
    }
}
