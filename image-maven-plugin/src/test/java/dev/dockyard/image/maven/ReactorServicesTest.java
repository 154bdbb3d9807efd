package dev.dockyard.image.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.dockyard.image.stack.ServiceSpec;
import java.io.File;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.maven.model.Build;
import org.apache.maven.model.Model;
import org.apache.maven.model.Plugin;
import org.apache.maven.model.PluginExecution;
import org.apache.maven.project.MavenProject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The stack reads every service module's settings as that module's own goals would: with no configuration, the
 * defaults and properties of the generated {@code plugin.xml} (those of {@code image:dockerfile}, which renders the
 * image the stack runs).
 */
class ReactorServicesTest {

    @TempDir
    Path dir;

    @Test
    void withNoConfigurationAServiceGetsTheDefaultsOfPluginXml() throws Exception {
        Map<String, String[]> dockerfile = configuration("dockerfile");
        ServiceSpec service = ReactorServices.of(List.of(project()), new Properties(), null, null, null)
                .get(0);

        assertEquals("orders:1.0", service.image()); // ${project.artifactId}:${project.version}
        assertEquals("${project.artifactId}", dockerfile.get("imageName")[1]);
        assertEquals("${project.version}", configuration("build").get("tags")[1]);
        assertEquals(List.of(Integer.parseInt(dockerfile.get("port")[1])), service.ports());
        assertEquals(dockerfile.get("user")[1], service.user());
        ServiceSpec.Health health = service.health();
        assertEquals(dockerfile.get("healthPath")[1], health.path());
        assertEquals(service.mainPort(), health.port());
        assertEquals(dockerfile.get("healthCheckInterval")[1], health.interval());
        assertEquals(dockerfile.get("healthCheckTimeout")[1], health.timeout());
        assertEquals(Integer.parseInt(dockerfile.get("healthCheckRetries")[1]), health.retries());
        assertEquals(dockerfile.get("healthCheckStartPeriod")[1], health.startPeriod());
        assertEquals(List.of(), service.volumes());
        assertEquals(List.of(), service.dependsOn());
    }

    @Test
    void theStackReadsTheSamePropertiesAsTheGoals() throws Exception {
        Map<String, String[]> dockerfile = configuration("dockerfile");
        Properties user = new Properties();
        user.setProperty(property(dockerfile, "imageName"), "shop/orders");
        user.setProperty(property(dockerfile, "port"), "9090");
        user.setProperty(property(dockerfile, "ports"), "9091");
        user.setProperty(property(dockerfile, "healthPath"), "/ready");
        user.setProperty(property(dockerfile, "healthPort"), "9091");
        user.setProperty(property(dockerfile, "healthCheckInterval"), "11s");
        user.setProperty(property(dockerfile, "healthCheckTimeout"), "4s");
        user.setProperty(property(dockerfile, "healthCheckRetries"), "5");
        user.setProperty(property(dockerfile, "healthCheckStartPeriod"), "30s");
        user.setProperty(property(dockerfile, "user"), "1000:1000");
        user.setProperty(property(dockerfile, "volumes"), "/data");
        user.setProperty(property(configuration("compose"), "dependsOn"), "inventory");
        user.setProperty(property(configuration("start"), "dependsOn"), "inventory");

        ServiceSpec service =
                ReactorServices.of(List.of(project()), user, null, null, null).get(0);

        assertEquals("shop/orders:1.0", service.image());
        assertEquals(List.of(9090, 9091), service.ports());
        assertEquals(new ServiceSpec.Health("/ready", 9091, "11s", "4s", 5, "30s"), service.health());
        assertEquals("1000:1000", service.user());
        assertEquals(List.of("/data"), service.volumes());
        assertEquals(List.of("inventory"), service.dependsOn());
    }

    @Test
    void theCommandLineNamingImageBuildMakesEveryModuleWithAnImageAService() throws Exception {
        MavenProject bound = project();
        MavenProject unbound = plainProject("MnHelloRest", "jar");
        MavenProject library = plainProject("parent", "pom");

        List<ServiceSpec> onlyBound =
                ReactorServices.of(List.of(library, bound, unbound), new Properties(), null, null, null, false);
        assertEquals(
                List.of("orders"), onlyBound.stream().map(ServiceSpec::name).toList());

        List<ServiceSpec> all =
                ReactorServices.of(List.of(library, bound, unbound), new Properties(), null, null, null, true);
        assertEquals(
                List.of("orders", "MnHelloRest"),
                all.stream().map(ServiceSpec::name).toList());
        // no image.name set: the artifactId made a valid image name, as image:dockerfile makes it
        assertEquals("mnhellorest:1.0", all.get(1).image());
    }

    @Test
    void imageBuildIsRecognisedOnTheCommandLineInEveryForm() {
        for (String goal : List.of(
                "image:build",
                "dev.dockyard:image-maven-plugin:build",
                "dev.dockyard:image-maven-plugin:0.1.0:build",
                "image:build@again")) {
            assertEquals(true, ReactorServices.namesBuild(goal), goal);
        }
        for (String goal : List.of("package", "image:buildx", "image:dockerfile", "other:build", "verify")) {
            assertEquals(false, ReactorServices.namesBuild(goal), goal);
        }
    }

    private MavenProject plainProject(String artifactId, String packaging) {
        Model model = new Model();
        model.setGroupId("com.example");
        model.setArtifactId(artifactId);
        model.setVersion("1.0");
        model.setPackaging(packaging);
        MavenProject project = new MavenProject(model);
        project.setFile(new File(dir.toFile(), artifactId + "/pom.xml"));
        return project;
    }

    private MavenProject project() {
        Model model = new Model();
        model.setGroupId("com.example");
        model.setArtifactId("orders");
        model.setVersion("1.0");
        model.setPackaging("jar");
        PluginExecution execution = new PluginExecution();
        execution.setId("image");
        execution.addGoal("build");
        Plugin plugin = new Plugin();
        plugin.setGroupId("dev.dockyard");
        plugin.setArtifactId("image-maven-plugin");
        plugin.addExecution(execution);
        Build build = new Build();
        build.addPlugin(plugin);
        model.setBuild(build);
        MavenProject project = new MavenProject(model);
        project.setFile(new File(dir.toFile(), "pom.xml"));
        return project;
    }

    private static String property(Map<String, String[]> configuration, String parameter) {
        String expression = configuration.get(parameter)[0];
        assertEquals('$', expression.charAt(0), parameter + " has no property");
        return expression.substring(2, expression.length() - 1);
    }

    /** A goal's {@code <configuration>} in plugin.xml: parameter → {expression, default value}. */
    private static Map<String, String[]> configuration(String goal) throws Exception {
        var document = DocumentBuilderFactory.newInstance()
                .newDocumentBuilder()
                .parse(Path.of("target/classes/META-INF/maven/plugin.xml").toFile());
        NodeList mojos = document.getElementsByTagName("mojo");
        for (int i = 0; i < mojos.getLength(); i++) {
            Element mojo = (Element) mojos.item(i);
            if (!goal.equals(mojo.getElementsByTagName("goal").item(0).getTextContent())) {
                continue;
            }
            Map<String, String[]> values = new HashMap<>();
            NodeList entries =
                    ((Element) mojo.getElementsByTagName("configuration").item(0)).getChildNodes();
            for (int j = 0; j < entries.getLength(); j++) {
                if (entries.item(j) instanceof Element entry) {
                    values.put(entry.getTagName(), new String[] {
                        entry.getTextContent().strip(),
                        entry.hasAttribute("default-value") ? entry.getAttribute("default-value") : null
                    });
                }
            }
            return values;
        }
        throw new AssertionError("no goal " + goal + " in plugin.xml");
    }
}
