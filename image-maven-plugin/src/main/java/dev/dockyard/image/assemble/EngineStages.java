package dev.dockyard.image.assemble;

import dev.dockyard.image.engine.BuildContext;
import dev.dockyard.image.engine.BuildRequest;
import dev.dockyard.image.engine.Engine;
import dev.dockyard.image.engine.EngineException;
import dev.dockyard.image.engine.EngineLog;
import dev.dockyard.image.engine.PullPolicy;
import dev.dockyard.image.support.ByteSize;
import dev.dockyard.image.support.CoreException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The engine as the assembler's source: base images from its store, earlier stages built on it ({@code --target},
 * with only the context files they read) and read from a container of each.
 */
final class EngineStages implements StageSource {

    private final Engine engine;
    private final BuildRequest request;
    private final BuildContext sent;
    private final Object lock;
    private final EngineLog log;
    private final Map<String, String> stages = new LinkedHashMap<>();
    private final Map<String, String> containers = new LinkedHashMap<>();

    /**
     * @param sent the context files the earlier stages read
     * @param lock held while an earlier stage builds, or {@code null}
     */
    EngineStages(Engine engine, BuildRequest request, BuildContext sent, Object lock, EngineLog log) {
        this.engine = engine;
        this.request = request;
        this.sent = sent;
        this.lock = lock;
        this.log = log;
    }

    @Override
    public String platform() throws EngineException {
        return engine.platform();
    }

    @Override
    public String unavailable(String reference) throws EngineException {
        if (request.pull() == PullPolicy.ALWAYS) {
            return CoreException.mention("pull") + "=always: the engine pulls the base image " + reference + " anew";
        }
        if (engine.imageIdOrNull(reference) == null) {
            return "the base image " + reference + " is not in the engine";
        }
        return null;
    }

    @Override
    public String imageId(String reference) throws EngineException {
        return engine.imageIdOrNull(reference);
    }

    @Override
    public void save(String reference, OutputStream out) throws EngineException, java.io.IOException {
        engine.save(reference, out);
    }

    @Override
    public String stage(String name) throws EngineException, java.io.IOException {
        String image = stages.get(name);
        if (image == null) {
            log.info("Building stage " + name + " on the engine: sending "
                    + sent.paths().size() + " files, " + ByteSize.format(sent.bytes()));
            if (lock == null) {
                image = engine.buildStage(request, sent, name);
            } else {
                synchronized (lock) {
                    image = engine.buildStage(request, sent, name);
                }
            }
            stages.put(name, image);
        }
        return image;
    }

    @Override
    public InputStream archive(String stageId, String path) throws EngineException {
        String container = containers.get(stageId);
        if (container == null) {
            container = engine.createContainer(stageId);
            containers.put(stageId, container);
        }
        return engine.archive(container, path);
    }

    @Override
    public void cleanUp(EngineLog log) {
        for (String container : containers.values()) {
            try {
                engine.remove(container);
            } catch (EngineException e) {
                log.warn("Could not remove the container " + container + " the assembler read from: "
                        + e.markedMessage());
            }
        }
    }
}
