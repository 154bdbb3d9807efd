package dev.dockyard.image.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.dockyard.image.assemble.AssembledImage;
import dev.dockyard.image.assemble.PlatformImages;
import dev.dockyard.image.support.CoreException;
import dev.dockyard.image.support.UserFixableException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlatformChecksTest {

    @TempDir
    Path work;

    private AssembledImage image(String architecture, String base, int baseLayers) throws Exception {
        Path tar = work.resolve(architecture + ".tar");
        Files.writeString(tar, "layer of " + architecture);
        return new AssembledImage(
                ("{\"architecture\":\"" + architecture + "\",\"os\":\"linux\"}").getBytes(StandardCharsets.UTF_8),
                base,
                baseLayers,
                List.of(new AssembledImage.LayerFile("sha256:" + architecture, tar, Files.size(tar))));
    }

    private PlatformImages images() throws Exception {
        Map<String, AssembledImage> images = new LinkedHashMap<>();
        images.put("linux/amd64", image("amd64", null, 0));
        images.put("linux/arm64", image("arm64", null, 0));
        return new PlatformImages(images);
    }

    private static String row(PlatformChecks.Planned p) {
        return p.platform() + " live=" + p.live() + " x" + p.factor() + " tagged=" + p.tagged() + " " + p.report();
    }

    @Test
    void theEnginesOwnPlatformRunsAndTheOthersGetTheStaticChecksUnlessNamed() throws Exception {
        PlatformImages images = images();
        String built = images.images().get("linux/amd64").id();
        assertEquals(
                List.of(
                        "linux/amd64 live=true x1 tagged=true image-report.html",
                        "linux/arm64 live=false x10 tagged=false image-report-linux-arm64.html"),
                PlatformChecks.plan(images, List.of(), "linux/amd64", built).stream()
                        .map(PlatformChecksTest::row)
                        .toList());
        assertEquals(
                List.of(
                        "linux/amd64 live=false x1 tagged=true image-report.html",
                        "linux/arm64 live=true x10 tagged=false image-report-linux-arm64.html"),
                PlatformChecks.plan(images, List.of("linux/arm64"), "linux/amd64", built).stream()
                        .map(PlatformChecksTest::row)
                        .toList());
        // the engine's platform, but not the image image:build tagged there (another build since): loaded as well
        assertEquals(
                "linux/amd64 live=true x1 tagged=false image-report-linux-amd64.html",
                row(PlatformChecks.plan(images, List.of(), "linux/amd64", "sha256:other")
                        .get(0)));
    }

    @Test
    void aPlatformNotBuiltOrAnImageOnARegistryBaseIsRefusedNamingTheParameter() throws Exception {
        PlatformImages images = images();
        UserFixableException unknown = assertThrows(
                UserFixableException.class,
                () -> PlatformChecks.plan(images, List.of("linux/s390x"), "linux/amd64", "sha256:x"));
        assertEquals("verifyPlatforms", unknown.parameter().orElseThrow());
        assertEquals(
                "image:build built no image for linux/s390x; it built for linux/amd64, linux/arm64 (<platforms>).",
                CoreException.plain(unknown.getMessage()));

        Map<String, AssembledImage> onDebian = new LinkedHashMap<>();
        onDebian.put("linux/amd64", image("amd64", "debian:bookworm-slim", 1));
        onDebian.put("linux/arm64", image("arm64", "debian:bookworm-slim", 1));
        UserFixableException registryBase = assertThrows(
                UserFixableException.class,
                () -> PlatformChecks.plan(
                        new PlatformImages(onDebian),
                        List.of(),
                        "linux/amd64",
                        onDebian.get("linux/amd64").id()));
        assertEquals(
                "The linux/arm64 image builds on debian:bookworm-slim, whose linux/arm64 layers only its registry has:"
                        + " image:verify checks the images Dockyard wrote every layer of (the template java-service,"
                        + " on scratch). Leave linux/arm64 out of <verifyPlatforms>, or verify it on a linux/arm64"
                        + " engine.",
                CoreException.plain(registryBase.getMessage()));

        assertEquals(
                "it names linux/arm64, and image:build built one image, for the engine's platform: build for them"
                        + " with <platforms>=linux/arm64.",
                CoreException.plain(
                        PlatformChecks.singlePlatform(List.of("linux/arm64")).getMessage()));
    }
}
