package dev.dockyard.image.push;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dockyard.image.support.Sha256;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;

/**
 * The gzip blobs of assembled layer tars, as a registry stores them, kept by diff ID in a directory of the work
 * directory: a layer pushed again is not compressed again, so its blob (and the manifest's digest) stay the same
 * from push to push. The gzip member is fixed but for the data: no file name, no time, no extra field, operating
 * system "unknown", deflate level 6; so the same tar gives the same blob with the same deflate implementation.
 */
final class CompressedLayers {

    /** A compressed layer: its digest and size as the manifest names them, and its file. */
    record Blob(String digest, long size, Path file) {}

    /** The gzip header: magic, deflate, no flags, time 0, no extra flags, OS unknown. */
    private static final byte[] HEADER = {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, (byte) 0xff};

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path directory;
    private final Set<String> used = new HashSet<>();

    CompressedLayers(Path directory) {
        this.directory = directory;
    }

    /** The blob of the layer tar {@code tar} whose diff ID is {@code diffId}, compressed when not kept yet. */
    Blob of(String diffId, Path tar) throws IOException {
        String hex = diffId.replaceFirst("^sha256:", "");
        Path blob = directory.resolve(hex + ".tar.gz");
        Path index = directory.resolve(hex + ".json");
        used.add(hex);
        if (Files.isRegularFile(blob) && Files.isRegularFile(index)) {
            JsonNode node = JSON.readTree(index.toFile());
            if (node != null && node.path("size").asLong(-1) == Files.size(blob)) {
                return new Blob(node.path("digest").asText(), Files.size(blob), blob);
            }
        }
        Files.createDirectories(directory);
        String digest;
        try (InputStream in = Files.newInputStream(tar);
                OutputStream file = new BufferedOutputStream(Files.newOutputStream(blob), 1 << 16);
                Sha256.DigestingOutputStream out = new Sha256.DigestingOutputStream(file)) {
            gzip(in, out);
            out.flush();
            digest = "sha256:" + out.hex();
        }
        JSON.writeValue(index.toFile(), Map.of("digest", digest, "size", Files.size(blob)));
        return new Blob(digest, Files.size(blob), blob);
    }

    /** Deletes the blobs of layers no longer in the image. */
    void prune(Collection<String> keep) throws IOException {
        if (!Files.isDirectory(directory)) {
            return;
        }
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                String hex = file.getFileName().toString().replaceFirst("\\..*$", "");
                if (!used.contains(hex) && !keep.contains(hex)) {
                    Files.deleteIfExists(file);
                }
            }
        }
    }

    /** One gzip member of {@code in}, with the fixed header. */
    static void gzip(InputStream in, OutputStream out) throws IOException {
        out.write(HEADER);
        CRC32 crc = new CRC32();
        long size = 0;
        Deflater deflater = new Deflater(6, true);
        try {
            DeflaterOutputStream deflating = new DeflaterOutputStream(out, deflater, 1 << 16) {
                @Override
                public void close() throws IOException {
                    finish(); // the member's trailer follows on the same stream
                }
            };
            byte[] buffer = new byte[1 << 16];
            int read;
            while ((read = in.read(buffer)) > 0) {
                crc.update(buffer, 0, read);
                size += read;
                deflating.write(buffer, 0, read);
            }
            deflating.finish();
        } finally {
            deflater.end();
        }
        writeInt(out, (int) crc.getValue());
        writeInt(out, (int) size);
    }

    private static void writeInt(OutputStream out, int value) throws IOException {
        out.write(value & 0xff);
        out.write((value >>> 8) & 0xff);
        out.write((value >>> 16) & 0xff);
        out.write((value >>> 24) & 0xff);
    }
}
