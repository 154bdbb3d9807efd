package dev.dockyard.image.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.dockyard.image.engine.PullPolicy;
import dev.dockyard.image.model.ImageLayer;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Sizes, durations, pull policies and history instructions as users write and read them. */
class ValuesTest {

    @Test
    void sizesAreDecimalLikeDockerImagesUnlessBinaryUnitsAreGiven() throws Exception {
        assertEquals(150_000_000L, ByteSize.parse("150MB"));
        assertEquals(1_500_000_000L, ByteSize.parse("1.5 GB"));
        assertEquals(200L * 1024 * 1024, ByteSize.parse("200MiB"));
        assertEquals(1024, ByteSize.parse("1024"));
        assertEquals(64_000, ByteSize.parse("64k"));
        UserFixableException e = assertThrows(UserFixableException.class, () -> ByteSize.parse("big"));
        assertEquals(
                "'big' is not a size: use a number with B, KB, MB, GB (decimal, as docker images shows) or"
                        + " KiB, MiB, GiB, e.g. 150MB",
                e.getMessage());
        assertEquals("84.4 MB", ByteSize.format(84_378_889));
        assertEquals("999 B", ByteSize.format(999));
        assertEquals("1.5 GB", ByteSize.format(1_500_000_000L));
    }

    @Test
    void durationsAsDockerWritesThem() throws Exception {
        assertEquals(Duration.ofSeconds(10), DurationText.parse("10s"));
        assertEquals(Duration.ofMillis(500), DurationText.parse("500ms"));
        assertEquals(Duration.ofSeconds(90), DurationText.parse("1m30s"));
        assertEquals(Duration.ofSeconds(45), DurationText.parse("45"));
        assertEquals(Duration.ofMillis(1500), DurationText.parse("1.5s"));
        assertThrows(UserFixableException.class, () -> DurationText.parse("10 seconds"));
        assertThrows(UserFixableException.class, () -> DurationText.parse("s10"));
        assertThrows(UserFixableException.class, () -> DurationText.parse(""));
    }

    @Test
    void pullPolicies() throws Exception {
        assertEquals(PullPolicy.NEVER, PullPolicy.parse(" Never "));
        assertEquals("missing", PullPolicy.MISSING.toString());
        UserFixableException e = assertThrows(UserFixableException.class, () -> PullPolicy.parse("sometimes"));
        assertEquals("'sometimes' is not a pull policy: use one of never, missing, always", e.getMessage());
    }

    @Test
    void historyInstructionsReadable() throws Exception {
        assertEquals(
                "COPY --chown=65532:65532 dir to /app/app/",
                layer("COPY --chown=65532:65532dir:"
                                + "3d6cf62df1a598d7268d56f52d1970f8e3874a0efaa71f6687446ff7ea597184 in /app/app/ ")
                        .instruction());
        assertEquals(
                "COPY file to /opt/app.jar",
                layer("/bin/sh -c #(nop) COPY file:"
                                + "3d6cf62df1a598d7268d56f52d1970f8e3874a0efaa71f6687446ff7ea597184 in /opt/app.jar")
                        .instruction());
        assertEquals(
                "RUN jlink --output /jre",
                layer("/bin/sh -c jlink --output /jre").instruction());
        assertEquals(
                "USER 65532:65532", layer("/bin/sh -c #(nop)  USER 65532:65532").instruction());
        assertEquals("(base image layer)", layer("").instruction());
        assertEquals(
                "(base image layer: Imported from -)", new ImageLayer("x", 1, "", 0, "Imported from -").instruction());
    }

    private static ImageLayer layer(String createdBy) {
        return new ImageLayer("<missing>", 1, createdBy, 0, "");
    }
}
