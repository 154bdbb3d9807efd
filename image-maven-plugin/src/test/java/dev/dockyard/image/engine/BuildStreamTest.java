package dev.dockyard.image.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.dockerjava.api.model.BuildResponseItem;
import com.github.dockerjava.api.model.ResponseItem;
import com.github.dockerjava.zerodep.shaded.org.apache.hc.core5.http.ConnectionClosedException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** How a build's stream ends: the engine's error, or a connection that broke under it. */
class BuildStreamTest {

    private final RecordingLog log = new RecordingLog();
    private final DockerEngine.StreamingCallback callback =
            new DockerEngine.StreamingCallback(log, "unix:///run/engine.sock", Path.of("target/docker"));

    @Test
    void anEngineThatStopsMidBuildIsTheEnvironmentNamedWithTheAddressNotTheUsersBuild() {
        callback.onNext(item("Step 2/2 : RUN jlink ...\n"));
        // what the transport raises when dockerd is killed while it streams the step's output
        callback.onError(new ConnectionClosedException(
                "Premature end of chunk coded message body: closing chunk" + " expected"));
        EngineException e = assertThrows(EngineException.class, callback::imageId);
        assertFalse(e instanceof ImageBuildException);
        assertFalse(e.userFixable());
        assertEquals(
                "The connection to the Docker engine at unix:///run/engine.sock broke while it built target/docker"
                        + " (ConnectionClosedException: Premature end of chunk coded message body: closing chunk"
                        + " expected): the engine stopped or restarted. Check that it runs (docker info) and build"
                        + " again.",
                e.getMessage());
        assertTrue(log.lines().contains("INFO Step 2/2 : RUN jlink ..."));
    }

    @Test
    void aStepTheEngineFailsIsTheBuildsFailureWithTheEnginesWords() {
        callback.onNext(item("Step 2/2 : RUN false\n"));
        BuildResponseItem failed = new BuildResponseItem() {
            @Override
            public boolean isErrorIndicated() {
                return true;
            }

            @Override
            public String getError() {
                return "The command '/bin/sh -c false' returned a non-zero code: 1";
            }

            @Override
            public ResponseItem.ErrorDetail getErrorDetail() {
                return null;
            }
        };
        callback.onNext(failed);
        callback.onComplete();
        EngineException e = assertThrows(ImageBuildException.class, callback::imageId);
        assertTrue(e.userFixable());
        assertEquals(
                "The image build failed: The command '/bin/sh -c false' returned a non-zero code: 1", e.getMessage());
    }

    private static BuildResponseItem item(String stream) {
        return new BuildResponseItem() {
            @Override
            public String getStream() {
                return stream;
            }
        };
    }
}
