package dev.dockyard.image.modules;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Which classes of an application code can load: what the JVM starts (the main class, agents), every class of the
 * application's own jars (frameworks find them by scanning), and, from there, every class a loaded class names, in
 * any way its constant pool can (instructions, descriptors, signatures, annotations, strings: what
 * {@code Class.forName} or a framework may load by name); the providers a {@code META-INF/services} file lists, once
 * their service type is loadable (or is the JDK's, or is in no jar scanned); every class a file at a jar's root or
 * below its {@code META-INF/} names (where frameworks look in every jar: {@code spring.factories}, indexes); and every
 * class a file in a jar's package names (configuration its classes read), once a class of that jar is loadable.
 *
 * <p>A class that nothing loadable names cannot be loaded by a JVM running the application, except by a name computed
 * at run time from parts: the JDK modules only such classes name are not needed. Not thread-safe; one instance per
 * computation.
 */
final class Reachability {

    /**
     * One jar of the class path.
     *
     * @param graph its classes
     * @param own whether it is the application's own (its classes are loadable from the start)
     */
    record Unit(ClassGraph graph, boolean own) {}

    private final List<Unit> units;
    private final Predicate<String> jdkClass;
    /** By class name: whether it can be loaded, as far as its supertypes tell. */
    private final Map<String, Boolean> resolvable = new HashMap<>();
    /** The first class of each name on the class path, with its unit. */
    private final Map<String, Integer> unitOf = new HashMap<>();

    private final Map<String, ClassGraph.Node> known = new HashMap<>();
    private final Map<String, List<String>> providers = new HashMap<>();
    private final Set<ClassGraph.Node> reached = Collections.newSetFromMap(new IdentityHashMap<>());
    private final boolean[] unitReached;
    private final Deque<ClassGraph.Node> queue = new ArrayDeque<>();

    private Reachability(List<Unit> units, Predicate<String> jdkClass) {
        this.units = units;
        this.jdkClass = jdkClass;
        this.unitReached = new boolean[units.size()];
        for (int i = 0; i < units.size(); i++) {
            for (ClassGraph.Node node : units.get(i).graph().classes()) {
                if (known.putIfAbsent(node.name(), node) == null) {
                    unitOf.put(node.name(), i);
                }
            }
            units.get(i)
                    .graph()
                    .services()
                    .forEach((service, named) -> providers
                            .computeIfAbsent(service, k -> new ArrayList<>())
                            .addAll(named));
        }
    }

    /**
     * @param units the class path, in order (the first class of a name is the one loaded)
     * @param entryPoints the classes the JVM starts (internal names)
     * @param jdkClass whether a class (internal name) is the JDK's
     * @return the loadable classes, by unit, each in its unit's order
     */
    static List<Set<ClassGraph.Node>> of(List<Unit> units, Collection<String> entryPoints, Predicate<String> jdkClass) {
        Reachability reachability = new Reachability(units, jdkClass);
        return reachability.compute(entryPoints);
    }

    private List<Set<ClassGraph.Node>> compute(Collection<String> entryPoints) {
        entryPoints.forEach(this::load);
        for (int i = 0; i < units.size(); i++) {
            Unit unit = units.get(i);
            unit.graph().entryClasses().forEach(this::load);
            unit.graph().named().forEach(this::load);
            if (unit.own()) {
                unit.graph().classes().forEach(node -> load(node.name()));
                reach(i);
            }
        }
        // a service whose type no jar holds (the JDK's, a launcher's) may be loaded at any time
        providers.forEach((service, named) -> {
            if (!known.containsKey(service)) {
                named.forEach(this::load);
            }
        });
        while (!queue.isEmpty()) {
            ClassGraph.Node node = queue.poll();
            node.references().forEach(this::load);
            reach(unitOf.get(node.name()));
            List<String> named = providers.get(node.name());
            if (named != null) {
                named.forEach(this::load);
            }
        }
        List<Set<ClassGraph.Node>> byUnit = new ArrayList<>();
        for (Unit unit : units) {
            Set<ClassGraph.Node> loadable = new LinkedHashSet<>();
            for (ClassGraph.Node node : unit.graph().classes()) {
                if (reached.contains(node)) {
                    loadable.add(node);
                }
            }
            byUnit.add(loadable);
        }
        return byUnit;
    }

    /** A class of the unit is loadable: so are those the files of its packages name. */
    private void reach(int unit) {
        if (!unitReached[unit]) {
            unitReached[unit] = true;
            units.get(unit).graph().packaged().forEach(this::load);
        }
    }

    private void load(String name) {
        ClassGraph.Node node = known.get(name);
        if (node != null && resolves(name) && reached.add(node)) {
            queue.add(node);
        }
    }

    /**
     * Whether the class's supertypes can be loaded: the JDK's, or classes of the class path whose own supertypes can.
     * A class extending or implementing a class no jar holds (an optional library's, absent) never loads.
     */
    private boolean resolves(String name) {
        Boolean known = resolvable.get(name);
        if (known != null) {
            return known;
        }
        ClassGraph.Node node = this.known.get(name);
        boolean result;
        if (node == null) {
            result = jdkClass.test(name);
        } else {
            resolvable.put(name, true); // a cycle (not valid class files) does not recurse for ever
            result = node.supertypes().stream().allMatch(this::resolves);
        }
        resolvable.put(name, result);
        return result;
    }
}
