package dev.dockyard.image.stack;

import static dev.dockyard.image.support.CoreException.mention;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The services of a stack with their dependencies checked: every {@code image.dependsOn} names another service of
 * the reactor and there is no cycle. {@link #startOrder()} lists every service after the ones it depends on.
 */
public final class StackPlan {

    private final Map<String, ServiceSpec> services;
    private final List<ServiceSpec> order;

    private StackPlan(Map<String, ServiceSpec> services, List<ServiceSpec> order) {
        this.services = services;
        this.order = order;
    }

    /**
     * Checks the dependencies of {@code services}.
     *
     * @throws StackException listing every unknown dependency, or the cycle, and the services there are
     */
    public static StackPlan of(Collection<ServiceSpec> services) throws StackException {
        Map<String, ServiceSpec> byName = new TreeMap<>();
        for (ServiceSpec service : services) {
            if (byName.put(service.name(), service) != null) {
                throw new StackException("Two modules of the reactor are both named " + service.name()
                        + ": service names (artifactIds) must be unique in a stack.");
            }
        }
        List<String> problems = new ArrayList<>();
        for (ServiceSpec service : byName.values()) {
            for (String dependency : service.dependsOn()) {
                if (dependency.equals(service.name())) {
                    problems.add(service.name() + " (" + service.origin() + ") depends on itself");
                } else if (!byName.containsKey(dependency)) {
                    problems.add(service.name() + " (" + service.origin() + ") depends on '" + dependency
                            + "', which is not a module with an image in this reactor");
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new StackException(mention("dependsOn") + " names unknown services: " + String.join("; ", problems)
                    + ". The reactor's services are: " + StackException.list(List.copyOf(byName.keySet()))
                    + ". Use their artifactIds.");
        }
        List<String> cycle = findCycle(byName);
        if (!cycle.isEmpty()) {
            throw new StackException(mention("dependsOn") + " forms a cycle: " + String.join(" -> ", cycle)
                    + ". A service cannot wait for one that waits for it; remove one of these dependencies."
                    + " Modules in the cycle: " + StackException.list(new ArrayList<>(new TreeSet<>(cycle))) + ".");
        }
        return new StackPlan(byName, order(byName));
    }

    /** The first cycle found (depth first, services in name order), closed: {@code a -> b -> a}; empty if none. */
    private static List<String> findCycle(Map<String, ServiceSpec> byName) {
        Set<String> done = new TreeSet<>();
        for (String start : byName.keySet()) {
            List<String> path = new ArrayList<>();
            List<String> cycle = visit(start, byName, done, path);
            if (!cycle.isEmpty()) {
                return cycle;
            }
        }
        return List.of();
    }

    private static List<String> visit(
            String name, Map<String, ServiceSpec> byName, Set<String> done, List<String> path) {
        int onPath = path.indexOf(name);
        if (onPath >= 0) {
            List<String> cycle = new ArrayList<>(path.subList(onPath, path.size()));
            cycle.add(name);
            return cycle;
        }
        if (done.contains(name)) {
            return List.of();
        }
        path.add(name);
        for (String dependency : new TreeSet<>(byName.get(name).dependsOn())) {
            List<String> cycle = visit(dependency, byName, done, path);
            if (!cycle.isEmpty()) {
                return cycle;
            }
        }
        path.remove(path.size() - 1);
        done.add(name);
        return List.of();
    }

    /** Dependencies first; among services free to start, name order (deterministic). */
    private static List<ServiceSpec> order(Map<String, ServiceSpec> byName) {
        Map<String, ServiceSpec> placed = new LinkedHashMap<>();
        while (placed.size() < byName.size()) {
            for (ServiceSpec service : byName.values()) {
                if (!placed.containsKey(service.name()) && placed.keySet().containsAll(service.dependsOn())) {
                    placed.put(service.name(), service);
                    break;
                }
            }
        }
        return List.copyOf(placed.values());
    }

    /** Every service, in name order. */
    public List<ServiceSpec> services() {
        return List.copyOf(services.values());
    }

    public ServiceSpec service(String name) {
        return services.get(name);
    }

    /** Every service after those it depends on. */
    public List<ServiceSpec> startOrder() {
        return order;
    }

    /**
     * The plan restricted to {@code names} and everything they depend on, transitively.
     *
     * @throws StackException naming the unknown names
     */
    public StackPlan only(Collection<String> names) throws StackException {
        List<String> unknown =
                names.stream().filter(n -> !services.containsKey(n)).sorted().toList();
        if (!unknown.isEmpty()) {
            throw new StackException(mention("services") + " names " + StackException.list(unknown)
                    + ", not a module with an image in this reactor. The reactor's services are: "
                    + StackException.list(List.copyOf(services.keySet())) + ".");
        }
        Set<String> wanted = new LinkedHashSet<>();
        List<String> todo = new ArrayList<>(names);
        while (!todo.isEmpty()) {
            String name = todo.remove(todo.size() - 1);
            if (wanted.add(name)) {
                todo.addAll(services.get(name).dependsOn());
            }
        }
        Map<String, ServiceSpec> kept = new TreeMap<>();
        wanted.forEach(n -> kept.put(n, services.get(n)));
        return new StackPlan(kept, order(kept));
    }
}
