package dev.dockyard.image.assemble;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;

/**
 * An assembled image as a docker-archive ({@code docker save}'s format, what {@code docker load} reads): the
 * configuration, {@code manifest.json} with the tags, and the layer tars. The layers the engine already has (the
 * lowest {@code known} ones) are named in the manifest but not written: the engine's load reads a layer file only
 * when it lacks that layer.
 */
final class DockerArchive {

    private DockerArchive() {}

    /**
     * Writes the archive.
     *
     * @param diffIds every layer of the image, lowest first
     * @param layers  the assembled layers, the highest {@code layers.size()} of {@code diffIds}
     * @return the bytes written
     */
    static long write(
            Path archive,
            byte[] config,
            List<String> diffIds,
            List<Layer.Written> layers,
            int known,
            List<String> tags,
            Instant time)
            throws IOException {
        ObjectMapper json = new ObjectMapper();
        String configName = dev.dockyard.image.support.Sha256.hex(config) + ".json";
        ArrayNode manifest = json.createArrayNode();
        ObjectNode image = manifest.addObject();
        image.put("Config", configName);
        ArrayNode repoTags = image.putArray("RepoTags");
        tags.forEach(repoTags::add);
        ArrayNode layerNames = image.putArray("Layers");
        diffIds.forEach(id -> layerNames.add(id.substring("sha256:".length()) + "/layer.tar"));
        Files.createDirectories(archive.getParent());
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(archive), 1 << 16);
                TarArchiveOutputStream tar = new TarArchiveOutputStream(out, StandardCharsets.UTF_8.name())) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
            Date modified = Date.from(time);
            put(tar, configName, config, modified);
            int first = diffIds.size() - layers.size();
            for (int i = Math.max(known, first); i < diffIds.size(); i++) {
                String directory = diffIds.get(i).substring("sha256:".length());
                TarArchiveEntry dir = new TarArchiveEntry(directory + "/", TarConstants.LF_DIR);
                dir.setModTime(modified);
                dir.setMode(0755);
                dir.setUserName("");
                dir.setGroupName("");
                tar.putArchiveEntry(dir);
                tar.closeArchiveEntry();
                Path layer = layers.get(i - first).file();
                TarArchiveEntry entry = new TarArchiveEntry(directory + "/layer.tar");
                entry.setSize(Files.size(layer));
                entry.setModTime(modified);
                entry.setMode(0644);
                entry.setUserName("");
                entry.setGroupName("");
                tar.putArchiveEntry(entry);
                Files.copy(layer, tar);
                tar.closeArchiveEntry();
            }
            put(tar, "manifest.json", json.writeValueAsBytes(manifest), modified);
            tar.finish();
        }
        return Files.size(archive);
    }

    private static void put(TarArchiveOutputStream tar, String name, byte[] bytes, Date modified) throws IOException {
        TarArchiveEntry entry = new TarArchiveEntry(name);
        entry.setSize(bytes.length);
        entry.setModTime(modified);
        entry.setMode(0644);
        entry.setUserName("");
        entry.setGroupName("");
        tar.putArchiveEntry(entry);
        tar.write(bytes);
        tar.closeArchiveEntry();
    }
}
