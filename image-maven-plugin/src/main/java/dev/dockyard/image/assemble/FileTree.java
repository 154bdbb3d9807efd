package dev.dockyard.image.assemble;

import java.io.IOException;
import java.io.InputStream;
import java.util.NavigableMap;
import java.util.TreeMap;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * Which paths the image's file system holds so far, and which of them are directories: the base image's layers (read
 * as the engine applies them, whiteouts included) and every layer assembled on top. A {@code COPY} asks it whether
 * its destination exists and which parent directories it must create.
 */
final class FileTree {

    private static final String WHITEOUT = ".wh.";
    private static final String OPAQUE = ".wh..wh..opq";

    /** path → is a directory; the root is always there. */
    private final NavigableMap<String, Boolean> paths = new TreeMap<>();

    boolean exists(String path) {
        return path.isEmpty() || paths.containsKey(path);
    }

    boolean isDirectory(String path) {
        return path.isEmpty() || Boolean.TRUE.equals(paths.get(path));
    }

    /** A copy of the paths held so far (path → is a directory). */
    java.util.Map<String, Boolean> paths() {
        return new TreeMap<>(paths);
    }

    /** Applies a layer tar as the engine does: whiteout files remove what lies below them. */
    void apply(InputStream layerTar) throws IOException {
        TarArchiveInputStream tar = new TarArchiveInputStream(layerTar);
        TarArchiveEntry entry;
        while ((entry = tar.getNextEntry()) != null) {
            String path = Paths.clean(entry.getName());
            String name = Paths.name(path);
            String parent = Paths.parent(path);
            if (name.equals(OPAQUE)) {
                removeBelow(parent);
            } else if (name.startsWith(WHITEOUT)) {
                String gone = Paths.child(parent, name.substring(WHITEOUT.length()));
                paths.remove(gone);
                removeBelow(gone);
            } else if (!path.isEmpty()) {
                put(path, entry.isDirectory());
            }
        }
    }

    /** Applies an assembled layer known by its paths (which are directories). */
    void apply(java.util.Map<String, Boolean> layer) {
        layer.forEach(this::put);
    }

    /** Applies an assembled layer. */
    void apply(Layer layer) {
        layer.entries().forEach((path, node) -> put(path, node.isDirectory()));
    }

    private void put(String path, boolean directory) {
        if (!directory) {
            removeBelow(path);
        }
        paths.put(path, directory);
    }

    private void removeBelow(String directory) {
        if (directory.isEmpty()) {
            paths.clear();
        } else {
            paths.subMap(directory + "/", true, directory + "0", false).clear(); // '0' follows '/'
        }
    }
}
