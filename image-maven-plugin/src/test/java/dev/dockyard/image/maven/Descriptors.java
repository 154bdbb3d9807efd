package dev.dockyard.image.maven;

import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.maven.plugin.descriptor.MojoDescriptor;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.apache.maven.plugin.descriptor.PluginDescriptorBuilder;

/** The goals as the generated {@code plugin.xml} describes them, the way Maven hands them to a mojo. */
final class Descriptors {

    private Descriptors() {}

    static MojoDescriptor goal(String goal) throws Exception {
        try (Reader reader =
                Files.newBufferedReader(Path.of("target/classes/META-INF/maven/plugin.xml"), StandardCharsets.UTF_8)) {
            PluginDescriptor plugin = new PluginDescriptorBuilder().build(reader);
            return plugin.getMojo(goal);
        }
    }
}
