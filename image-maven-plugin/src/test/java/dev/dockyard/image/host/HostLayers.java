package dev.dockyard.image.host;

import dev.dockyard.image.registry.ImagePull;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/** Test data: gzip layers written entry by entry, and an image of them as the registry client reads one. */
final class HostLayers {

    private final Path directory;
    private final List<ImagePull.LayerBlob> layers = new ArrayList<>();
    private TarArchiveOutputStream tar;
    private Path current;

    HostLayers(Path directory) {
        this.directory = directory;
    }

    HostLayers layer() throws IOException {
        finish();
        current = directory.resolve("layer-" + layers.size() + ".tar.gz");
        OutputStream out = new GZIPOutputStream(Files.newOutputStream(current));
        tar = new TarArchiveOutputStream(out);
        tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
        return this;
    }

    HostLayers dir(String path) throws IOException {
        TarArchiveEntry entry = new TarArchiveEntry(path + "/");
        entry.setMode(040755);
        tar.putArchiveEntry(entry);
        tar.closeArchiveEntry();
        return this;
    }

    HostLayers file(String path, int mode, byte[] bytes) throws IOException {
        TarArchiveEntry entry = new TarArchiveEntry(path);
        entry.setMode(0100000 | mode);
        entry.setSize(bytes.length);
        tar.putArchiveEntry(entry);
        tar.write(bytes);
        tar.closeArchiveEntry();
        return this;
    }

    HostLayers file(String path, String text) throws IOException {
        return file(path, 0644, text.getBytes(StandardCharsets.UTF_8));
    }

    HostLayers link(String path, String target) throws IOException {
        TarArchiveEntry entry = new TarArchiveEntry(path, TarArchiveEntry.LF_SYMLINK);
        entry.setLinkName(target);
        tar.putArchiveEntry(entry);
        tar.closeArchiveEntry();
        return this;
    }

    /** The image of the layers written, with {@code config} as its configuration. */
    ImagePull.Pulled image(String config) throws IOException {
        finish();
        return new ImagePull.Pulled(
                "registry.example.com/builder:1",
                "sha256:" + "0".repeat(64),
                config.getBytes(StandardCharsets.UTF_8),
                layers);
    }

    private void finish() throws IOException {
        if (tar != null) {
            tar.close();
            layers.add(new ImagePull.LayerBlob(
                    "sha256:" + layers.size(),
                    "application/vnd.oci.image.layer.v1.tar+gzip",
                    Files.size(current),
                    current));
            tar = null;
        }
    }
}
