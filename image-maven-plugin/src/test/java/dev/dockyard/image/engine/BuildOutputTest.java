package dev.dockyard.image.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The stream pieces are the ones a classic build sends for a step that fails (recorded from an engine). */
class BuildOutputTest {

    private static final String ENGINE_ERROR =
            "The command '/bin/sh -c echo hi; echo \"[dockyard] x\"; exit 1' returned a non-zero code: 1";

    private final RecordingLog log = new RecordingLog();
    private final BuildOutput output = new BuildOutput(log);

    private void stream(String... pieces) {
        for (String piece : pieces) {
            output.append(piece);
        }
    }

    @Test
    void logsOneLinePerLineAndSkipsBlankOnes() {
        stream("Step 1/2 : FROM debian:bookworm-slim", "\n", " ---> 1252824dcf64\n", "par", "tial\n\n", "end");
        output.flush();
        assertEquals(
                List.of(
                        "INFO Step 1/2 : FROM debian:bookworm-slim",
                        "INFO  ---> 1252824dcf64",
                        "INFO partial",
                        "INFO end"),
                log.lines());
    }

    @Test
    void aTemplatesLastLineIsTheReason() {
        stream(
                "Step 2/2 : RUN echo hi; echo \"[dockyard] x\"; exit 1",
                "\n",
                " ---> Running in e20af66845b9\n",
                "[dockyard] the builder image has no objcopy (binutils): jlink uses --strip-java-debug-attributes\n",
                "hi\n",
                "[dockyard] the builder image has no ldd, so …\n",
                "Removing intermediate container e20af66845b9\n");
        output.flush();
        assertEquals("The image build failed: the builder image has no ldd, so …", output.failure(ENGINE_ERROR));
        assertTrue(log.lines().contains("INFO [dockyard] the builder image has no ldd, so …"), log.lines()::toString);
    }

    @Test
    void anEarlierTemplateLineIsNoReasonForALaterFailure() {
        stream(
                "Step 2/3 : RUN echo \"[dockyard] no dpkg\"\n",
                " ---> Running in e20af66845b9\n",
                "[dockyard] no dpkg\n",
                "Removing intermediate container e20af66845b9\n",
                " ---> 0f3a8c1b2d4e\n",
                "Step 3/3 : RUN jlink\n",
                " ---> Running in 5b6c7d8e9f0a\n",
                "[dockyard] the builder image has no objcopy (binutils)\n",
                "Error: jlink failed\n");
        assertEquals("The image build failed: " + ENGINE_ERROR, output.failure(ENGINE_ERROR + "\n"));

        stream("Step 4/4 : RUN false\n", " ---> Running in 5b6c7d8e9f0b\n", "Removing intermediate container 5b\n");
        assertEquals("The image build failed: " + ENGINE_ERROR, output.failure(ENGINE_ERROR));
    }
}
