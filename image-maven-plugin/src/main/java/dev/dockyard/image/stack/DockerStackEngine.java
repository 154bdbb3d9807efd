package dev.dockyard.image.stack;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

import dev.dockyard.image.engine.ContainerSpec;
import dev.dockyard.image.engine.Engine;
import dev.dockyard.image.engine.EngineException;
import dev.dockyard.image.engine.HealthCheckConfig;
import dev.dockyard.image.engine.HealthOutcome;
import dev.dockyard.image.engine.RunningContainer;

/** {@link StackEngine} on a Docker engine. */
public final class DockerStackEngine implements StackEngine {

    private final Engine engine;

    public DockerStackEngine(Engine engine) {
        this.engine = engine;
    }

    @Override
    public HealthCheckConfig healthCheck(String image) throws EngineException {
        return engine.inspect(image).healthCheck();
    }

    @Override
    public void createNetwork(String name, Map<String, String> labels) throws EngineException {
        engine.createNetwork(name, labels);
    }

    @Override
    public void removeNetwork(String name) throws EngineException {
        engine.removeNetwork(name);
    }

    @Override
    public List<String> networksLabelled(String label, String value) throws EngineException {
        return engine.networksLabelled(label, value);
    }

    @Override
    public List<String> containersLabelled(String label, String value) throws EngineException {
        return engine.containersLabelled(label, value);
    }

    @Override
    public String create(ContainerSpec spec) throws EngineException {
        return engine.create(spec);
    }

    @Override
    public void start(String id) throws EngineException {
        engine.start(id);
    }

    @Override
    public HealthOutcome awaitHealthy(String id, Duration timeout) throws EngineException, InterruptedException {
        return engine.container(id).awaitHealthy(timeout);
    }

    @Override
    public List<String> logs(String id, int lines) throws EngineException, InterruptedException {
        return engine.container(id).logs(lines);
    }

    @Override
    public OptionalInt hostPort(String id, int containerPort) throws EngineException {
        return engine.container(id).hostPort(containerPort);
    }

    @Override
    public String publishedHost() {
        return engine.address().publishedHost();
    }

    @Override
    public void stop(String id, Duration timeout) throws EngineException {
        engine.container(id).stop(timeout);
    }

    @Override
    public void remove(String id) {
        RunningContainer container = engine.container(id);
        container.close();
    }
}
