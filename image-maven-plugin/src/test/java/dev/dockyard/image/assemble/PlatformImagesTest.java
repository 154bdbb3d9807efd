package dev.dockyard.image.assemble;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlatformImagesTest {

    @TempDir
    Path work;

    private AssembledImage image(String platform, String architecture) throws Exception {
        Path directory = PlatformImages.directory(work, platform);
        Path tar = directory.resolve("assembled-layers").resolve("layer.tar");
        Files.createDirectories(tar.getParent());
        Files.writeString(tar, "layer of " + platform);
        AssembledImage image = new AssembledImage(
                ("{\"architecture\":\"" + architecture + "\",\"os\":\"linux\"}").getBytes(StandardCharsets.UTF_8),
                null,
                0,
                List.of(new AssembledImage.LayerFile("sha256:" + architecture, tar, Files.size(tar))));
        image.write(directory);
        return image;
    }

    @Test
    void theImagesOfEachPlatformAreReadBackInTheirOrder() throws Exception {
        Map<String, AssembledImage> images = new LinkedHashMap<>();
        images.put("linux/arm64", image("linux/arm64", "arm64"));
        images.put("linux/amd64", image("linux/amd64", "amd64"));
        new PlatformImages(images).write(work);

        PlatformImages read = PlatformImages.read(work).orElseThrow();
        assertEquals(
                List.of("linux/arm64", "linux/amd64"), List.copyOf(read.images().keySet()));
        assertEquals(
                images.get("linux/amd64").id(), read.images().get("linux/amd64").id());
        assertEquals(work.resolve("platforms/linux-arm64"), PlatformImages.directory(work, "linux/arm64"));
    }

    @Test
    void aPlatformWhoseLayerIsGoneOrASingleBuildLeavesNone() throws Exception {
        Map<String, AssembledImage> images = new LinkedHashMap<>();
        images.put("linux/amd64", image("linux/amd64", "amd64"));
        images.put("linux/arm64", image("linux/arm64", "arm64"));
        new PlatformImages(images).write(work);
        Files.delete(images.get("linux/arm64").layers().get(0).tar());
        assertTrue(PlatformImages.read(work).isEmpty());

        image("linux/arm64", "arm64");
        assertTrue(PlatformImages.read(work).isPresent());
        PlatformImages.forget(work);
        assertTrue(PlatformImages.read(work).isEmpty());
    }
}
