package dev.dockyard.image.archive;

import dev.dockyard.image.sbom.DebianPackage;
import dev.dockyard.image.sbom.SbomWriter;
import dev.dockyard.image.support.LibraryLogs;
import dev.dockyard.image.support.Sha256;
import dev.dockyard.image.verify.Check;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.cyclonedx.Version;
import org.cyclonedx.exception.ParseException;
import org.cyclonedx.model.Bom;
import org.cyclonedx.model.Component;
import org.cyclonedx.model.Hash;
import org.cyclonedx.model.Property;
import org.cyclonedx.parsers.JsonParser;

/**
 * {@code image:check}'s reading of the SBOM an image carries (the file its {@code dev.dockyard.sbom} label names):
 * valid against the CycloneDX 1.6 schema, and a true account of the image's files: every jar and Debian package it
 * lists with a path is there (a jar with the SHA-256 it states, a package's status entry with its version), and every
 * jar of the image outside a Java runtime, and every package entry in {@code /var/lib/dpkg/status.d/}, is listed. The
 * layers are applied in order, whiteouts included, as the engine would.
 */
final class SbomCheck {

    static final String NAME = "sbom";
    private static final String STATUS = DebianPackage.STATUS_DIRECTORY + "/";
    private static final int DOCUMENT_LIMIT = 16 << 20;
    private static final int STATUS_LIMIT = 1 << 20;
    /** The most mismatches named in the message. */
    private static final int SHOWN = 10;

    /** A path of the image: a regular file (its SHA-256 for a jar, its bytes when the check reads it), or not. */
    private record Entry(boolean file, String sha256, byte[] content) {}

    static {
        // the schema validator warns about keywords of the CycloneDX schemas it is given ("Unknown keyword
        // meta:enum"): notes for the schema's authors, not for whoever checks an image
        LibraryLogs.level("com.networknt.schema", "error");
    }

    private SbomCheck() {}

    static Check check(ReadArchive read) throws ArchiveException {
        String label = read.image().labels().get(SbomWriter.LABEL);
        if (label == null) {
            return Check.skipped(
                    NAME, "the image has no " + SbomWriter.LABEL + " label: it was built without its SBOM");
        }
        long start = System.nanoTime();
        String sbomPath = ArchiveReader.normalise(label.strip());
        NavigableMap<String, Entry> files = files(read, sbomPath);
        Duration time;
        Entry document = files.get(sbomPath);
        if (document == null || !document.file() || document.content() == null) {
            return fail("the label " + SbomWriter.LABEL + " names " + label + ", which the image does not hold", start);
        }
        byte[] json = document.content();
        List<String> problems = new ArrayList<>();
        Bom bom;
        try {
            List<ParseException> errors = new JsonParser().validate(json, Version.VERSION_16);
            if (!errors.isEmpty()) {
                return fail(
                        label + " is not a valid CycloneDX 1.6 document: "
                                + errors.get(0).getMessage(),
                        start);
            }
            bom = new JsonParser().parse(json);
        } catch (IOException | ParseException e) {
            return fail(label + " is not a valid CycloneDX 1.6 document: " + e.getMessage(), start);
        }
        Set<String> listed = new TreeSet<>();
        int jars = 0;
        int packages = 0;
        for (Component component : all(bom.getComponents(), new ArrayList<>())) {
            String path = property(component, SbomWriter.PATH_PROPERTY);
            if (path == null) {
                continue;
            }
            String clean = ArchiveReader.normalise(path);
            listed.add(clean);
            Entry entry = files.get(clean);
            String purl = component.getPurl() == null ? "" : component.getPurl();
            if (entry == null || !entry.file()) {
                problems.add(path + " (" + purl + ") is listed but not in the image");
            } else if (purl.startsWith("pkg:maven/") || (purl.isEmpty() && clean.endsWith(".jar"))) {
                // a Maven artifact, or a jar the build wrote (no coordinates, no purl)
                jars++;
                String stated = sha256(component);
                if (stated != null && !stated.equalsIgnoreCase(entry.sha256())) {
                    problems.add(path + " has SHA-256 " + entry.sha256() + ", the SBOM states " + stated);
                }
            } else if (purl.startsWith("pkg:deb/")) {
                packages++;
                List<DebianPackage> found = DebianPackage.parse(Map.of(clean, entry.content()));
                boolean same = found.stream()
                        .anyMatch(p -> p.name().equals(component.getName())
                                && p.version().equals(component.getVersion()));
                if (!same) {
                    problems.add(path + " is not the entry of " + component.getName() + " " + component.getVersion()
                            + " the SBOM lists");
                }
            }
        }
        List<String> runtimes = runtimes(files);
        files.forEach((path, entry) -> {
            if (!entry.file() || listed.contains(path)) {
                return;
            }
            boolean jar = path.endsWith(".jar") && runtimes.stream().noneMatch(r -> path.startsWith(r + "/"));
            boolean status = path.startsWith(STATUS) && path.indexOf('/', STATUS.length()) < 0;
            if (jar || status) {
                problems.add("/" + path + " is in the image but not in the SBOM");
            }
        });
        time = Duration.ofNanos(System.nanoTime() - start);
        if (!problems.isEmpty()) {
            List<String> shown = problems.subList(0, Math.min(SHOWN, problems.size()));
            return Check.fail(
                    NAME,
                    "the SBOM " + label + " does not match the image: " + String.join("; ", shown)
                            + (problems.size() > SHOWN ? "; and " + (problems.size() - SHOWN) + " more" : ""),
                    time);
        }
        return Check.pass(
                NAME,
                label + " is valid CycloneDX 1.6 and lists exactly the image's " + jars + " jars and " + packages
                        + " Debian packages",
                time);
    }

    private static Check fail(String message, long start) {
        return Check.fail(NAME, message, Duration.ofNanos(System.nanoTime() - start));
    }

    /** The directories of Java runtimes in the image ({@code release} and {@code lib/modules}): their jars are not libraries. */
    private static List<String> runtimes(NavigableMap<String, Entry> files) {
        List<String> roots = new ArrayList<>();
        for (String path : files.keySet()) {
            if (path.endsWith("/lib/modules")) {
                String root = path.substring(0, path.length() - "/lib/modules".length());
                if (files.containsKey(root + "/release")) {
                    roots.add(root);
                }
            }
        }
        return roots;
    }

    private static List<Component> all(List<Component> components, List<Component> into) {
        if (components != null) {
            for (Component c : components) {
                into.add(c);
                all(c.getComponents(), into);
            }
        }
        return into;
    }

    private static String property(Component component, String name) {
        if (component.getProperties() != null) {
            for (Property p : component.getProperties()) {
                if (name.equals(p.getName())) {
                    return p.getValue();
                }
            }
        }
        return null;
    }

    private static String sha256(Component component) {
        if (component.getHashes() != null) {
            for (Hash hash : component.getHashes()) {
                if ("SHA-256".equals(hash.getAlgorithm())) {
                    return hash.getValue();
                }
            }
        }
        return null;
    }

    /** The image's file system: the archive read a second time, each layer applied in the manifest's order. */
    private static NavigableMap<String, Entry> files(ReadArchive read, String sbomPath) throws ArchiveException {
        Map<String, List<Map.Entry<String, Entry>>> changes = new HashMap<>();
        Set<String> layers = Set.copyOf(read.layers());
        Path file = read.file();
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
                TarArchiveInputStream outer = new TarArchiveInputStream(ArchiveReader.gunzipped(raw))) {
            TarArchiveEntry entry;
            while ((entry = outer.getNextEntry()) != null) {
                String name = ArchiveReader.normalise(entry.getName());
                if (entry.isFile() && layers.contains(name) && !changes.containsKey(name)) {
                    changes.put(name, layer(outer, sbomPath));
                }
            }
        } catch (IOException e) {
            throw new ArchiveException(file + ": a layer could not be read (" + e.getMessage() + "): save the"
                    + " image again (image:save or docker save) and copy it completely.");
        }
        NavigableMap<String, Entry> files = new TreeMap<>();
        for (String layer : read.layers()) {
            for (Map.Entry<String, Entry> change : changes.getOrDefault(layer, List.of())) {
                String path = change.getKey();
                if (change.getValue() == null) { // a whiteout: the path and what lies below it are gone
                    files.remove(path);
                    files.subMap(path + "/", true, path + "0", false).clear();
                } else if (path.endsWith("/.wh..wh..opq")) {
                    String directory = path.substring(0, path.length() - "/.wh..wh..opq".length());
                    files.subMap(directory + "/", true, directory + "0", false).clear();
                } else {
                    if (change.getValue().file()) {
                        files.subMap(path + "/", true, path + "0", false).clear();
                    }
                    files.put(path, change.getValue());
                }
            }
        }
        return files;
    }

    /** One layer's entries, in order: {@code null} for a whiteout. */
    private static List<Map.Entry<String, Entry>> layer(InputStream outer, String sbomPath) throws IOException {
        List<Map.Entry<String, Entry>> changes = new ArrayList<>();
        Map<String, Entry> inLayer = new HashMap<>();
        TarArchiveInputStream tar =
                new TarArchiveInputStream(ArchiveReader.gunzipped(new BufferedInputStream(outer, 1 << 16)));
        TarArchiveEntry entry;
        int count = 0;
        while ((entry = tar.getNextEntry()) != null) {
            if (++count > ArchiveReader.MAX_ENTRIES) {
                throw new IOException("a layer holds more than " + ArchiveReader.MAX_ENTRIES + " entries");
            }
            String path = ArchiveReader.normalise(entry.getName());
            path = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
            if (path.isEmpty()) {
                continue;
            }
            int slash = path.lastIndexOf('/');
            String name = path.substring(slash + 1);
            if (name.startsWith(".wh.") && !name.equals(".wh..wh..opq")) {
                changes.add(new java.util.AbstractMap.SimpleEntry<>(
                        path.substring(0, slash + 1) + name.substring(4), null));
                continue;
            }
            Entry value;
            if (entry.isLink()) {
                Entry linked = inLayer.get(ArchiveReader.normalise(entry.getLinkName()));
                value = linked != null ? linked : new Entry(true, "", null);
            } else if (entry.isDirectory() || entry.isSymbolicLink() || !entry.isFile()) {
                value = new Entry(false, null, null);
            } else if (path.endsWith(".jar")) {
                MessageDigest digest = Sha256.digest();
                byte[] buffer = new byte[1 << 16];
                for (int n; (n = tar.read(buffer)) > 0; ) {
                    digest.update(buffer, 0, n);
                }
                value = new Entry(true, Sha256.hex(digest), null);
            } else if (path.equals(sbomPath) || (path.startsWith(STATUS) && entry.getSize() <= STATUS_LIMIT)) {
                byte[] bytes = tar.readNBytes(DOCUMENT_LIMIT);
                value = new Entry(true, null, bytes);
            } else {
                value = new Entry(true, null, null);
            }
            inLayer.put(path, value);
            changes.add(new java.util.AbstractMap.SimpleEntry<>(path, value));
        }
        return changes;
    }
}
