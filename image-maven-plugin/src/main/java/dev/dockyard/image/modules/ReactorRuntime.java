package dev.dockyard.image.modules;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * One runtime for every service of a reactor ({@code image.runtime=reactor}): the union of the modules each service
 * needs, so that every image carries the same jlinked runtime, one layer a node stores once.
 *
 * <p>A service's needs are computed as for its own runtime: {@code image.jlinkModules} when given, else the scan of
 * its third-party jars and of its sources (and those of the reactor modules it depends on), then its
 * {@code image.additionalModules} and {@code java.base} for the probe. Sources stand for class files here because
 * the union is needed when the first service renders, before the build has compiled the others; each service's
 * render then checks its own class-file scan against the union ({@link Union#missing}).
 */
public final class ReactorRuntime {

    private ReactorRuntime() {}

    /**
     * One service's inputs.
     *
     * @param name the service (its artifact id)
     * @param jars its third-party runtime jars
     * @param sources source directories of the service and of the reactor modules it depends on
     * @param jlinkModules {@code image.jlinkModules}: the modules instead of the scan, or empty
     * @param additionalModules {@code image.additionalModules}
     * @param jvmOptions {@code image.jvmOptions} (a {@code -javaagent:} adds a module)
     * @param locales {@code image.locales}
     */
    public record Service(
            String name,
            List<Path> jars,
            List<Path> sources,
            List<String> jlinkModules,
            List<String> additionalModules,
            List<String> jvmOptions,
            List<String> locales) {

        public Service {
            jars = List.copyOf(jars);
            sources = List.copyOf(sources);
            jlinkModules = List.copyOf(jlinkModules);
            additionalModules = List.copyOf(additionalModules);
            jvmOptions = List.copyOf(jvmOptions);
            locales = List.copyOf(locales);
        }
    }

    /**
     * The reactor's runtime.
     *
     * @param modules what {@code jlink --add-modules} gets, sorted
     * @param closure those modules closed over {@code requires}: what the runtime holds
     * @param needs each service's modules closed over {@code requires}, in reactor order
     * @param warnings what the scans could not read, each naming its service
     */
    public record Union(
            List<String> modules, List<String> closure, Map<String, List<String>> needs, List<String> warnings) {

        public Union {
            modules = List.copyOf(modules);
            closure = List.copyOf(closure);
            needs = Collections.unmodifiableMap(new LinkedHashMap<>(needs));
            warnings = List.copyOf(warnings);
        }

        /**
         * The modules, each followed by the services that need it when not all of them do: {@code java.base,
         * java.net.http (client), java.sql (orders, billing)}.
         */
        public String describe() {
            List<String> parts = new ArrayList<>();
            for (String module : modules) {
                List<String> by = new ArrayList<>();
                needs.forEach((service, closed) -> {
                    if (closed.contains(module)) {
                        by.add(service);
                    }
                });
                parts.add(by.size() == needs.size() ? module : module + " (" + String.join(", ", by) + ")");
            }
            return String.join(", ", parts);
        }

        /** The modules of {@code closed} (a service's modules closed over requires) the runtime lacks, sorted. */
        public List<String> missing(Collection<String> closed) {
            TreeSet<String> missing = new TreeSet<>(closed);
            missing.removeAll(closure);
            return List.copyOf(missing);
        }
    }

    /** Computes the union of {@code services}' modules for the JDK of {@code release}. */
    public static Union of(ModuleScanner scanner, List<Service> services, int release) throws IOException {
        TreeSet<String> all = new TreeSet<>();
        TreeSet<String> closure = new TreeSet<>();
        Map<String, List<String>> needs = new LinkedHashMap<>();
        List<String> warnings = new ArrayList<>();
        for (Service service : services) {
            TreeSet<String> modules = new TreeSet<>();
            if (service.jlinkModules().isEmpty()) {
                ModuleScan scan = scanner.scan(
                        new ScanRequest(service.jars(), release, service.locales(), service.jvmOptions(), null),
                        service.sources());
                modules.addAll(scan.modules());
                scan.warnings().forEach(w -> warnings.add(service.name() + ": " + w));
            } else {
                modules.addAll(service.jlinkModules());
                if (!service.locales().isEmpty()) {
                    modules.add("jdk.localedata");
                }
            }
            modules.addAll(service.additionalModules());
            modules.add("java.base");
            List<String> closed = scanner.closure(release, modules);
            needs.put(service.name(), closed);
            all.addAll(modules);
            closure.addAll(closed);
        }
        return new Union(scanner.reduce(release, all), List.copyOf(closure), needs, warnings);
    }
}
