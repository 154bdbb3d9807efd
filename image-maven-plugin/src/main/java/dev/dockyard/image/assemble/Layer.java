package dev.dockyard.image.assemble;

import dev.dockyard.image.support.Sha256;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Date;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;

/**
 * The entries of one layer, by path ({@code /}-separated, no leading or trailing slash), written as a tar that is
 * the same bytes for the same entries: sorted by path, one fixed time, numeric owners with no names, no extended
 * attributes. A later entry for a path replaces the earlier one, as the engine's copy does. Regular files that share
 * one {@link Node.Content} are hard links of each other: the first in path order carries the bytes.
 */
final class Layer {

    private final NavigableMap<String, Node> entries = new TreeMap<>();

    void put(String path, Node node) {
        entries.put(path, node);
    }

    Node get(String path) {
        return entries.get(path);
    }

    boolean isEmpty() {
        return entries.isEmpty();
    }

    NavigableMap<String, Node> entries() {
        return entries;
    }

    /**
     * Writes the tar to {@code file}.
     *
     * @return its diff ID ({@code sha256:} of the tar's bytes)
     */
    Written write(Path file, Instant time) throws IOException {
        Files.createDirectories(file.getParent());
        try (OutputStream out = Files.newOutputStream(file);
                Sha256.DigestingOutputStream digesting =
                        new Sha256.DigestingOutputStream(new BufferedOutputStream(out, 1 << 16))) {
            write(digesting, time);
            digesting.flush();
            return new Written(file, "sha256:" + digesting.hex(), Files.size(file));
        }
    }

    void write(OutputStream out, Instant time) throws IOException {
        TarArchiveOutputStream tar = new TarArchiveOutputStream(out, StandardCharsets.UTF_8.name());
        tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
        tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
        tar.setAddPaxHeadersForNonAsciiNames(true);
        Map<Node.Content, String> written = new IdentityHashMap<>();
        Date modified = Date.from(time);
        for (Map.Entry<String, Node> e : entries.entrySet()) {
            Node node = e.getValue();
            String path = e.getKey();
            String firstLink = node.type() == Node.FILE ? written.get(node.content()) : null;
            TarArchiveEntry entry;
            if (node.isDirectory()) {
                entry = new TarArchiveEntry(path + "/", TarConstants.LF_DIR);
            } else if (node.type() == Node.SYMLINK) {
                entry = new TarArchiveEntry(path, TarConstants.LF_SYMLINK);
                entry.setLinkName(node.linkTarget());
            } else if (firstLink != null) {
                entry = new TarArchiveEntry(path, TarConstants.LF_LINK);
                entry.setLinkName(firstLink);
            } else {
                entry = new TarArchiveEntry(path, TarConstants.LF_NORMAL);
                entry.setSize(node.content().size());
            }
            entry.setMode(node.mode());
            entry.setUserId(node.uid());
            entry.setGroupId(node.gid());
            entry.setUserName("");
            entry.setGroupName("");
            entry.setModTime(modified);
            tar.putArchiveEntry(entry);
            if (node.type() == Node.FILE && firstLink == null) {
                node.content().writeTo(tar);
                written.put(node.content(), path);
            }
            tar.closeArchiveEntry();
        }
        tar.finish();
    }

    /** A written layer tar. */
    record Written(Path file, String diffId, long size) {}
}
