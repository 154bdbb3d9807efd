package dev.dockyard.image.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.dockyard.image.engine.FakeEngine;
import dev.dockyard.image.model.ImageDetails;
import dev.dockyard.image.sbom.BaseDigest;
import org.junit.jupiter.api.Test;

/** The base image's digest the SBOM states, as the engine knows the base. */
class ImageSbomTest {

    private static final String ID = "sha256:" + "c".repeat(64);
    private static final String PULLED = "sha256:" + "d".repeat(64);
    private static final String PINNED = "sha256:" + "e".repeat(64);

    private static ImageDetails base(String... tags) {
        return FakeEngine.baseImage(ID, tags);
    }

    @Test
    void theRepoDigestOfTheBasesRepositoryIsTheDigest() throws Exception {
        ImageDetails base = base("debian:bookworm-slim", "docker.io/library/debian:bookworm-slim");
        FakeEngine engine = new FakeEngine()
                .image(base)
                .repoDigests(base, "localhost:5000/debian@" + PINNED, "acme/debian@" + PINNED, "debian@" + PULLED);
        assertEquals(
                new BaseDigest(PULLED, BaseDigest.Source.ENGINE_REPO_DIGEST),
                ImageSbom.baseDigest(engine, "debian:bookworm-slim"));
        assertEquals(
                new BaseDigest(PULLED, BaseDigest.Source.ENGINE_REPO_DIGEST),
                ImageSbom.baseDigest(engine, "docker.io/library/debian:bookworm-slim"));
    }

    @Test
    void ofSeveralRepoDigestsThePinnedOneIsTheDigest() throws Exception {
        String reference = "registry.example.com/base/debian:12@" + PINNED;
        ImageDetails base = base(reference);
        FakeEngine engine = new FakeEngine()
                .image(base)
                .repoDigests(
                        base,
                        "registry.example.com/base/debian@" + PULLED,
                        "registry.example.com/base/debian@" + PINNED);
        assertEquals(
                new BaseDigest(PINNED, BaseDigest.Source.ENGINE_REPO_DIGEST), ImageSbom.baseDigest(engine, reference));
    }

    @Test
    void aBaseTheEngineKnowsByNoRegistryDigestHasItsImageId() throws Exception {
        ImageDetails base = base("dockyard-test/base:17");
        FakeEngine engine = new FakeEngine().image(base).repoDigests(base, "other/base@" + PULLED);
        assertEquals(
                new BaseDigest(ID, BaseDigest.Source.ENGINE_IMAGE_ID),
                ImageSbom.baseDigest(engine, "dockyard-test/base:17"));
    }

    @Test
    void scratchAndABaseTheEngineLacksHaveNone() throws Exception {
        FakeEngine engine = new FakeEngine();
        assertNull(ImageSbom.baseDigest(engine, "scratch"));
        assertNull(ImageSbom.baseDigest(engine, "debian:bookworm-slim"));
        assertNull(ImageSbom.baseDigest(engine, null));
    }
}
