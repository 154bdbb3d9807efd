package dev.dockyard.image.assemble;

import dev.dockyard.image.engine.EngineException;
import dev.dockyard.image.engine.EngineLog;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * Where the assembler takes what it does not make itself: the platform of an empty base, the base images, and the
 * files of the Dockerfile's earlier stages. The engine is one source ({@link EngineStages}); a build without an engine
 * is another.
 */
public interface StageSource {

    /** The platform an image on an empty base is for, as {@code os/architecture}. */
    String platform() throws EngineException;

    /**
     * Why a base image cannot come from this source before anything is read (for instance, the engine must pull it
     * anew), or {@code null} when it can.
     */
    String unavailable(String reference) throws EngineException;

    /** The image id of {@code reference}, or {@code null} when this source does not have it. */
    String imageId(String reference) throws EngineException, IOException;

    /**
     * The digest of the manifest a registry serves {@code reference} by, when this source read it from one;
     * {@code null} otherwise.
     */
    default String manifestDigest(String reference) throws EngineException, IOException {
        return null;
    }

    /** Writes the image {@code reference} (a base, or an earlier stage's id) to {@code out} as a docker-archive. */
    void save(String reference, OutputStream out) throws EngineException, IOException;

    /** Makes the earlier stage {@code name} (once), giving the id its files are read by. */
    String stage(String name) throws EngineException, IOException;

    /**
     * The tar of {@code path} in the stage {@code stageId}, as {@code docker cp} gives it: the path's own entry first,
     * named by its last component, then what lies below it.
     */
    InputStream archive(String stageId, String path) throws EngineException, IOException;

    /** Removes what this source made for the assembly and no longer needs. */
    void cleanUp(EngineLog log);
}
