package dev.dockyard.image.engine;

import dev.dockyard.image.model.ImageDetails;
import dev.dockyard.image.model.ImageLayer;
import java.io.OutputStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/** An {@link Engine} passing every call on, for tests that change one answer of another engine. */
public class ForwardingEngine implements Engine {

    private final Engine delegate;

    public ForwardingEngine(Engine delegate) {
        this.delegate = delegate;
    }

    @Override
    public EngineAddress address() {
        return delegate.address();
    }

    @Override
    public String publishedHost() {
        return delegate.publishedHost();
    }

    @Override
    public String version() throws EngineException {
        return delegate.version();
    }

    @Override
    public BuildResult build(BuildRequest request, BuildContext context) throws EngineException {
        return delegate.build(request, context);
    }

    @Override
    public String platform() throws EngineException {
        return delegate.platform();
    }

    @Override
    public void pruneReplaced(String previous, String current) {
        delegate.pruneReplaced(previous, current);
    }

    @Override
    public String buildStage(BuildRequest request, BuildContext context, String target) throws EngineException {
        return delegate.buildStage(request, context, target);
    }

    @Override
    public String createContainer(String image) throws EngineException {
        return delegate.createContainer(image);
    }

    @Override
    public java.io.InputStream archive(String containerId, String path) throws EngineException {
        return delegate.archive(containerId, path);
    }

    @Override
    public void load(java.io.InputStream archive) throws EngineException {
        delegate.load(archive);
    }

    @Override
    public List<String> diffIds(String reference) throws EngineException {
        return delegate.diffIds(reference);
    }

    @Override
    public String imageIdOrNull(String reference) throws EngineException {
        return delegate.imageIdOrNull(reference);
    }

    @Override
    public ImageDetails inspect(String reference) throws EngineException {
        return delegate.inspect(reference);
    }

    @Override
    public List<ImageLayer> history(String imageId) throws EngineException {
        return delegate.history(imageId);
    }

    @Override
    public String run(ContainerSpec spec) throws EngineException {
        return delegate.run(spec);
    }

    @Override
    public ContainerState state(String containerId) throws EngineException {
        return delegate.state(containerId);
    }

    @Override
    public OptionalInt mainProcessEffectiveUid(String containerId) throws EngineException {
        return delegate.mainProcessEffectiveUid(containerId);
    }

    @Override
    public OptionalInt hostPort(String containerId, int containerPort) throws EngineException {
        return delegate.hostPort(containerId, containerPort);
    }

    @Override
    public List<String> logs(String containerId, int lines) throws EngineException, InterruptedException {
        return delegate.logs(containerId, lines);
    }

    @Override
    public ExecResult exec(String containerId, List<String> command, Duration timeout)
            throws EngineException, InterruptedException {
        return delegate.exec(containerId, command, timeout);
    }

    @Override
    public void stop(String containerId, Duration timeout) throws EngineException {
        delegate.stop(containerId, timeout);
    }

    @Override
    public void remove(String containerId) throws EngineException {
        delegate.remove(containerId);
    }

    @Override
    public void save(String reference, OutputStream out) throws EngineException {
        delegate.save(reference, out);
    }

    @Override
    public String push(String reference, RegistryCredentials credentials) throws EngineException {
        return delegate.push(reference, credentials);
    }

    @Override
    public List<String> repoDigests(String reference) throws EngineException {
        return delegate.repoDigests(reference);
    }

    @Override
    public String createNetwork(String name, Map<String, String> labels) throws EngineException {
        return delegate.createNetwork(name, labels);
    }

    @Override
    public void removeNetwork(String networkId) throws EngineException {
        delegate.removeNetwork(networkId);
    }

    @Override
    public Map<String, String> containerLabels(String containerId) throws EngineException {
        return delegate.containerLabels(containerId);
    }

    @Override
    public List<String> containersLabelled(String label, String value) throws EngineException {
        return delegate.containersLabelled(label, value);
    }

    @Override
    public List<String> networksLabelled(String label, String value) throws EngineException {
        return delegate.networksLabelled(label, value);
    }

    @Override
    public void close() {
        delegate.close();
    }
}
