package dev.dockyard.image.stack;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

import dev.dockyard.image.engine.ContainerSpec;
import dev.dockyard.image.engine.EngineException;
import dev.dockyard.image.engine.HealthCheckConfig;
import dev.dockyard.image.engine.HealthOutcome;

/** An engine in memory: records every call in {@link #calls}; outcomes per image are scripted. */
final class FakeStackEngine implements StackEngine {

    final List<String> calls = new ArrayList<>();
    final Map<String, ContainerSpec> containers = new LinkedHashMap<>();
    final Map<String, Map<String, String>> networks = new LinkedHashMap<>();
    final Map<String, HealthOutcome> outcomes = new HashMap<>();
    final Map<String, String> startFailures = new HashMap<>();
    final Map<String, HealthCheckConfig> health = new HashMap<>();
    private int next;

    @Override
    public HealthCheckConfig healthCheck(String image) {
        return health.get(image);
    }

    @Override
    public void createNetwork(String name, Map<String, String> labels) {
        calls.add("network " + name);
        networks.put(name, labels);
    }

    @Override
    public void removeNetwork(String name) {
        calls.add("remove network " + name);
        networks.remove(name);
    }

    @Override
    public List<String> networksLabelled(String label, String value) {
        return networks.entrySet().stream().filter(e -> value.equals(e.getValue().get(label))).map(Map.Entry::getKey)
                .toList();
    }

    @Override
    public List<String> containersLabelled(String label, String value) {
        return containers.entrySet().stream().filter(e -> value.equals(e.getValue().labels().get(label)))
                .map(Map.Entry::getKey).toList();
    }

    @Override
    public String create(ContainerSpec spec) {
        String id = "c" + ++next;
        containers.put(id, spec);
        calls.add("create " + spec.alias());
        return id;
    }

    @Override
    public void start(String id) throws EngineException {
        String image = containers.get(id).image();
        calls.add("start " + containers.get(id).alias());
        if (startFailures.containsKey(image)) {
            throw new EngineException(startFailures.get(image));
        }
    }

    @Override
    public HealthOutcome awaitHealthy(String id, Duration timeout) {
        ContainerSpec spec = containers.get(id);
        calls.add("await " + spec.alias() + " " + timeout.toSeconds() + "s");
        return outcomes.getOrDefault(spec.image(), new HealthOutcome(HealthOutcome.Status.HEALTHY, -1,
                Duration.ofMillis(1500), ""));
    }

    @Override
    public List<String> logs(String id, int lines) {
        return List.of(containers.get(id).alias() + " log line (last " + lines + ")");
    }

    @Override
    public OptionalInt hostPort(String id, int containerPort) {
        return OptionalInt.of(containers.get(id).sameHostPorts() ? containerPort : 32768 + containerPort % 100);
    }

    @Override
    public String publishedHost() {
        return "localhost";
    }

    @Override
    public void stop(String id, Duration timeout) {
        calls.add("stop " + containers.get(id).alias());
    }

    @Override
    public void remove(String id) {
        calls.add("remove " + containers.get(id).alias());
        containers.remove(id);
    }
}
