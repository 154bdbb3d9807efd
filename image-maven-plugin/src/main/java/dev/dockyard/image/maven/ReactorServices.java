package dev.dockyard.image.maven;

import static dev.dockyard.image.maven.ImageParameters.*;

import dev.dockyard.image.dockerfile.ImageRef;
import dev.dockyard.image.render.Packagings;
import dev.dockyard.image.stack.ServiceSpec;
import dev.dockyard.image.support.ByteSize;
import dev.dockyard.image.support.UserFixableException;
import dev.dockyard.image.support.Values;
import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.TreeMap;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.model.Plugin;
import org.apache.maven.model.PluginExecution;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.project.MavenProject;
import org.codehaus.plexus.util.xml.Xpp3Dom;

/**
 * Reads the reactor as a stack: every module whose build runs {@code image:build} is a service, configured as that
 * module's own goals see it (its plugin configuration, then the build's {@code -D} properties, then its POM
 * properties, then the defaults). A module runs {@code image:build} when its POM binds it (itself or inherited from a
 * parent), or when the command line names it ({@code mvn package image:build image:compose}), which runs it in every
 * module of the reactor that gets an image.
 */
final class ReactorServices {

    static final String PLUGIN_KEY = "dev.dockyard:image-maven-plugin";

    private ReactorServices() {}

    /**
     * The services of the build's reactor, in reactor order.
     *
     * @throws MojoFailureException listing every module whose settings cannot be read
     */
    static List<ServiceSpec> of(MavenSession session, MavenProject current, List<String> currentDependsOn)
            throws MojoFailureException {
        return of(
                session.getProjects(),
                session.getUserProperties(),
                session.getTopLevelProject(),
                current,
                currentDependsOn,
                session.getGoals().stream().anyMatch(ReactorServices::namesBuild));
    }

    /**
     * Whether a goal of the command line is {@code image:build}: by prefix or by coordinates, with or without a
     * version and an execution id ({@code image:build@id}).
     */
    static boolean namesBuild(String goal) {
        return goal != null
                && goal.strip().matches("(?:image|dev\\.dockyard:image-maven-plugin(?::[^:@]+)?):build(?:@.*)?");
    }

    static List<ServiceSpec> of(
            List<MavenProject> projects,
            Properties user,
            MavenProject top,
            MavenProject current,
            List<String> currentDependsOn)
            throws MojoFailureException {
        return of(projects, user, top, current, currentDependsOn, false);
    }

    /**
     * The services among {@code projects}, with the build's {@code -D} properties {@code user}; the module running
     * the goal, {@code current}, has its {@code dependsOn} as Maven resolved it for the goal; {@code buildNamed}: the
     * command line names {@code image:build}, so it runs in every module that gets an image.
     */
    static List<ServiceSpec> of(
            List<MavenProject> projects,
            Properties user,
            MavenProject top,
            MavenProject current,
            List<String> currentDependsOn,
            boolean buildNamed)
            throws MojoFailureException {
        List<ServiceSpec> services = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (MavenProject project : projects) {
            Module module = Module.of(project, user, top, buildNamed);
            if (module != null && !module.bool("skip", SKIP, Boolean.parseBoolean(SKIP_DEFAULT), problems)) {
                services.add(module.service(
                        problems,
                        project == current && currentDependsOn != null
                                ? ServiceSettings.trimmed(currentDependsOn)
                                : null));
            }
        }
        if (!problems.isEmpty()) {
            throw new MojoFailureException("Cannot read the stack's settings: " + String.join("; ", problems));
        }
        return services;
    }

    /**
     * The services of the build with the settings that decide their runtime modules, in reactor order.
     *
     * @throws MojoFailureException listing every module whose settings cannot be read
     */
    static List<RuntimeSettings> runtimeSettings(MavenSession session) throws MojoFailureException {
        boolean buildNamed = session.getGoals().stream().anyMatch(ReactorServices::namesBuild);
        List<RuntimeSettings> services = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (MavenProject project : session.getProjects()) {
            Module module = Module.of(project, session.getUserProperties(), session.getTopLevelProject(), buildNamed);
            if (module != null && !module.bool("skip", SKIP, Boolean.parseBoolean(SKIP_DEFAULT), problems)) {
                services.add(new RuntimeSettings(
                        project,
                        module.list("jlinkModules", JLINK_MODULES),
                        module.list("additionalModules", ADDITIONAL_MODULES),
                        module.list("jvmOptions", JVM_OPTIONS),
                        module.list("locales", LOCALES)));
            }
        }
        if (!problems.isEmpty()) {
            throw new MojoFailureException("Cannot read the reactor's settings: " + String.join("; ", problems));
        }
        return services;
    }

    /** A service and its settings that decide its runtime modules, as its own {@code image:dockerfile} reads them. */
    record RuntimeSettings(
            MavenProject project,
            List<String> jlinkModules,
            List<String> additionalModules,
            List<String> jvmOptions,
            List<String> locales) {}

    /** One module's settings, as its own goals would resolve them. */
    private record Module(MavenProject project, Xpp3Dom execution, Xpp3Dom plugin, Properties user, MavenProject top) {

        /**
         * The module, or {@code null} when its build does not run {@code image:build}: no execution binds it and the
         * command line does not name it ({@code buildNamed}), or its packaging gets no image.
         */
        static Module of(MavenProject project, Properties user, MavenProject top, boolean buildNamed) {
            if ("pom".equals(project.getPackaging())
                    || Packagings.skipReason(project.getPackaging()).isPresent()) {
                return null;
            }
            Plugin plugin = project.getPlugin(PLUGIN_KEY);
            if (plugin == null) {
                // named on the command line without a <plugin> in the POM: properties and defaults only
                return buildNamed ? new Module(project, null, null, user, top) : null;
            }
            for (PluginExecution execution : plugin.getExecutions()) {
                if (execution.getGoals().contains("build")) {
                    return new Module(
                            project,
                            (Xpp3Dom) execution.getConfiguration(),
                            (Xpp3Dom) plugin.getConfiguration(),
                            user,
                            top);
                }
            }
            if (buildNamed) {
                PluginExecution cli = plugin.getExecutionsAsMap().get("default-cli");
                return new Module(
                        project,
                        cli == null ? null : (Xpp3Dom) cli.getConfiguration(),
                        (Xpp3Dom) plugin.getConfiguration(),
                        user,
                        top);
            }
            return null;
        }

        /** The module's service; {@code dependsOn} as given, or read from its configuration when {@code null}. */
        ServiceSpec service(List<String> problems, List<String> dependsOn) {
            String name = project.getArtifactId();
            String configured = string("imageName", NAME, null);
            String imageName = configured != null ? configured : ImageRef.repositoryFrom(name);
            List<String> tags = list("tags", TAGS);
            String tag = tags.isEmpty() ? project.getVersion() : tags.get(0);
            List<Integer> ports = new ArrayList<>();
            ports.add(integer("port", PORT, Integer.parseInt(PORT_DEFAULT), problems));
            for (String port : list("ports", PORTS)) {
                try {
                    int value = Integer.parseInt(port);
                    if (!ports.contains(value)) {
                        ports.add(value);
                    }
                } catch (NumberFormatException e) {
                    problems.add(where() + ": " + PORTS + " '" + port + "' is not a port number");
                }
            }
            TreeMap<String, String> env = new TreeMap<>();
            Xpp3Dom envNode = child("env");
            if (envNode != null) {
                for (Xpp3Dom variable : envNode.getChildren()) {
                    env.put(variable.getName(), variable.getValue() == null ? "" : variable.getValue());
                }
            }
            String healthPath = string("healthPath", HEALTH_PATH, HEALTH_PATH_DEFAULT);
            ServiceSpec.Health health = ServiceSettings.healthPath(healthPath) == null
                    ? null
                    : new ServiceSpec.Health(
                            ServiceSettings.healthPath(healthPath),
                            integer("healthPort", HEALTH_PORT, ports.get(0), problems),
                            string("healthCheckInterval", HEALTH_CHECK_INTERVAL, HEALTH_CHECK_INTERVAL_DEFAULT),
                            string("healthCheckTimeout", HEALTH_CHECK_TIMEOUT, HEALTH_CHECK_TIMEOUT_DEFAULT),
                            integer(
                                    "healthCheckRetries",
                                    HEALTH_CHECK_RETRIES,
                                    Integer.parseInt(HEALTH_CHECK_RETRIES_DEFAULT),
                                    problems),
                            string(
                                    "healthCheckStartPeriod",
                                    HEALTH_CHECK_START_PERIOD,
                                    HEALTH_CHECK_START_PERIOD_DEFAULT));
            return new ServiceSpec(
                    name,
                    where(),
                    imageName + ":" + tag,
                    ports,
                    env,
                    list("volumes", VOLUMES),
                    string("user", USER, USER_DEFAULT),
                    health,
                    dependsOn != null ? dependsOn : list("dependsOn", DEPENDS_ON),
                    size("memoryLimit", MEMORY_LIMIT, problems));
        }

        /** A size in bytes, 0 when not set. */
        long size(String parameter, String property, List<String> problems) {
            String value = string(parameter, property, "");
            if (value.isEmpty()) {
                return 0;
            }
            try {
                return ByteSize.parse(value);
            } catch (UserFixableException e) {
                problems.add(where() + ": " + property + " '" + value + "': " + e.getMessage());
                return 0;
            }
        }

        /** The module's POM, relative to the top-level project's directory when inside it. */
        String where() {
            File pom = project.getFile();
            if (pom == null) {
                return project.getArtifactId();
            }
            Path path = pom.toPath().toAbsolutePath();
            if (top != null && top.getBasedir() != null) {
                Path root = top.getBasedir().toPath().toAbsolutePath();
                if (path.startsWith(root)) {
                    return root.relativize(path).toString();
                }
            }
            return path.toString();
        }

        private Xpp3Dom child(String name) {
            Xpp3Dom node = execution == null ? null : execution.getChild(name);
            if (node == null && plugin != null) {
                node = plugin.getChild(name);
            }
            return node;
        }

        private String property(String property) {
            String value = user.getProperty(property);
            return value != null ? value : project.getProperties().getProperty(property);
        }

        String string(String parameter, String property, String defaultValue) {
            Xpp3Dom node = child(parameter);
            String value = node != null && node.getChildCount() == 0 ? node.getValue() : property(property);
            return value == null || value.isBlank() ? defaultValue : value.strip();
        }

        List<String> list(String parameter, String property) {
            Xpp3Dom node = child(parameter);
            List<String> values = new ArrayList<>();
            if (node != null && node.getChildCount() > 0) {
                Arrays.stream(node.getChildren()).map(Xpp3Dom::getValue).forEach(values::add);
            } else {
                String text = node != null ? node.getValue() : property(property);
                if (text != null) {
                    values.addAll(Arrays.asList(text.split(",")));
                }
            }
            return values.stream()
                    .filter(v -> v != null && !v.isBlank())
                    .map(String::strip)
                    .toList();
        }

        int integer(String parameter, String property, int defaultValue, List<String> problems) {
            String value = string(parameter, property, Integer.toString(defaultValue));
            try {
                return Integer.parseInt(value);
            } catch (NumberFormatException e) {
                problems.add(where() + ": " + property + " '" + value + "' is not a number");
                return defaultValue;
            }
        }

        boolean bool(String parameter, String property, boolean defaultValue, List<String> problems) {
            String value = string(parameter, property, Boolean.toString(defaultValue));
            try {
                return Values.bool(value, defaultValue);
            } catch (UserFixableException e) {
                problems.add(where() + ": " + property + " '" + value + "' is neither true nor false");
                return defaultValue;
            }
        }
    }
}
