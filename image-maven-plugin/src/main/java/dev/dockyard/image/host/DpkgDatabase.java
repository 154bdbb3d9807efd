package dev.dockyard.image.host;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The dpkg database of an image, read from its files as {@code dpkg-query} reads it: which package installed a path
 * ({@code dpkg-query -S}: the name of its {@code .list} file, with the architecture for a {@code Multi-Arch: same}
 * package) and a package's stanza of {@code /var/lib/dpkg/status} ({@code dpkg-query -s}, byte for byte).
 */
final class DpkgDatabase {

    private final Map<String, String> owners = new HashMap<>();
    private final Map<String, String> stanzas = new HashMap<>();

    private DpkgDatabase() {}

    /** The database of {@code image}; empty when the image has none (no dpkg). */
    static DpkgDatabase of(ImageFilesystem image) throws IOException {
        DpkgDatabase database = new DpkgDatabase();
        Path status = image.file("/var/lib/dpkg/status");
        if (status == null) {
            return database;
        }
        String text = Files.readString(status, StandardCharsets.UTF_8);
        for (String stanza : text.split("\n\n")) {
            String body = stanza.strip().isEmpty() ? null : stanza.replaceFirst("^\n+", "");
            if (body == null) {
                continue;
            }
            String name = field(body, "Package");
            String architecture = field(body, "Architecture");
            if (name == null) {
                continue;
            }
            String content = body.endsWith("\n") ? body : body + "\n";
            database.stanzas.putIfAbsent(name, content);
            if (architecture != null) {
                database.stanzas.put(name + ":" + architecture, content);
            }
        }
        String info = image.resolve("/var/lib/dpkg/info");
        if (info != null) {
            for (String list :
                    image.list(info).filter(p -> p.endsWith(".list")).sorted().toList()) {
                Path file = image.file(list);
                if (file == null) {
                    continue;
                }
                String name = list.substring(list.lastIndexOf('/') + 1, list.length() - ".list".length());
                for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                    if (!line.isEmpty()) {
                        database.owners.merge(line, name, (a, b) -> a + ", " + b);
                    }
                }
            }
        }
        return database;
    }

    /** Whether the image has a dpkg database. */
    boolean present() {
        return !stanzas.isEmpty();
    }

    /** The package that installed {@code path}, as {@code dpkg-query -S} names it; {@code null} when none. */
    String owner(String path) {
        return owners.get(path);
    }

    /** The status stanza of {@code package} (as {@code dpkg-query -s} prints it), or {@code null}. */
    String stanza(String name) {
        return stanzas.get(name);
    }

    private static String field(String stanza, String name) {
        for (String line : stanza.split("\n")) {
            if (line.startsWith(name + ": ")) {
                return line.substring(name.length() + 2).strip();
            }
        }
        return null;
    }
}
