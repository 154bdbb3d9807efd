package dev.dockyard.image.stack;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

import dev.dockyard.image.engine.ContainerSpec;
import dev.dockyard.image.engine.EngineException;
import dev.dockyard.image.engine.HealthCheckConfig;
import dev.dockyard.image.engine.HealthOutcome;

/** What running a stack needs from an engine; {@link DockerStackEngine} over Docker, a fake in the unit tests. */
public interface StackEngine {

    /** The image's HEALTHCHECK, or {@code null}. */
    HealthCheckConfig healthCheck(String image) throws EngineException;

    void createNetwork(String name, Map<String, String> labels) throws EngineException;

    void removeNetwork(String name) throws EngineException;

    List<String> networksLabelled(String label, String value) throws EngineException;

    List<String> containersLabelled(String label, String value) throws EngineException;

    /** Creates the container, returns its id. */
    String create(ContainerSpec spec) throws EngineException;

    void start(String id) throws EngineException;

    HealthOutcome awaitHealthy(String id, Duration timeout) throws EngineException, InterruptedException;

    List<String> logs(String id, int lines) throws EngineException, InterruptedException;

    OptionalInt hostPort(String id, int containerPort) throws EngineException;

    /** The host name published ports are reached on. */
    String publishedHost();

    /** Asks the container to stop (SIGTERM, killed after {@code timeout}). */
    void stop(String id, Duration timeout) throws EngineException;

    /** Removes the container with its anonymous volumes, forced. */
    void remove(String id) throws EngineException;
}
