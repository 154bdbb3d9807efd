package dev.dockyard.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassReader;
import org.w3c.dom.NodeList;

/**
 * The core writes no property name: a message naming a parameter marks its POM name
 * ({@code CoreException.mention("maxImageSize")}) and the Maven adapter writes the property. Checked on the text
 * constants of the compiled classes outside {@code maven}: none holds a property a goal of the generated
 * {@code plugin.xml} declares, nor {@code image.registryPassword}.
 */
class CoreNamesNoPropertyTest {

    private static final Path CLASSES = Path.of("target/classes");

    @Test
    void noClassOutsideTheMavenPackageWritesAProperty() throws Exception {
        Set<String> properties = properties();
        assertFalse(properties.isEmpty());
        Pattern named = Pattern.compile("(?<![\\w.])image\\.[A-Za-z][\\w.]*[A-Za-z]");
        TreeMap<String, Set<String>> found = new TreeMap<>();
        List<Path> classes;
        try (Stream<Path> walk = Files.walk(CLASSES.resolve("dev/dockyard/image"))) {
            classes = walk.filter(p -> p.toString().endsWith(".class"))
                    .filter(p -> !p.startsWith(CLASSES.resolve("dev/dockyard/image/maven")))
                    .toList();
        }
        for (Path file : classes) {
            for (String text : strings(file)) {
                Matcher m = named.matcher(text);
                while (m.find()) {
                    if (properties.contains(m.group())) {
                        found.computeIfAbsent(CLASSES.relativize(file).toString(), k -> new TreeSet<>())
                                .add(m.group());
                    }
                }
            }
        }
        assertEquals(new TreeMap<>(), found);
    }

    /** The properties of every goal's parameters, and the one property that is no parameter. */
    private static Set<String> properties() throws Exception {
        var document = DocumentBuilderFactory.newInstance()
                .newDocumentBuilder()
                .parse(CLASSES.resolve("META-INF/maven/plugin.xml").toFile());
        Set<String> properties = new TreeSet<>(Set.of("image.registryPassword"));
        Pattern expression = Pattern.compile("\\$\\{(image\\.[^}]+)}");
        NodeList configurations = document.getElementsByTagName("configuration");
        for (int i = 0; i < configurations.getLength(); i++) {
            NodeList values = configurations.item(i).getChildNodes();
            for (int j = 0; j < values.getLength(); j++) {
                Matcher m = expression.matcher(values.item(j).getTextContent().strip());
                if (m.matches()) {
                    properties.add(m.group(1));
                }
            }
        }
        return properties;
    }

    /** The text constants of a class file (literals, and the constant parts of string concatenations). */
    private static List<String> strings(Path file) throws IOException {
        ClassReader reader = new ClassReader(Files.readAllBytes(file));
        char[] buffer = new char[reader.getMaxStringLength()];
        List<String> strings = new ArrayList<>();
        for (int i = 1; i < reader.getItemCount(); i++) {
            int offset = reader.getItem(i);
            if (offset != 0 && reader.readByte(offset - 1) == 8) { // CONSTANT_String
                strings.add(reader.readUTF8(offset, buffer));
            }
        }
        return strings;
    }
}
