package dev.dockyard.image.support;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * The one writer of JUnit XML reports ({@code TEST-*.xml}, one {@code testsuite} of {@code testcase}s), which CI
 * systems show as tests: the lint's (a case per rule and file) and the verification's (a case per check).
 */
public final class JUnitXml {

    private JUnitXml() {}

    /**
     * One test case.
     *
     * @param classname the group it is shown under
     * @param name      its name
     * @param time      seconds it took, as text
     * @param failure   why it failed, or {@code null}
     * @param skipped   why it was skipped, or {@code null}
     * @param systemOut what it printed, or {@code null}
     */
    public record TestCase(
            String classname, String name, String time, Failure failure, String skipped, String systemOut) {}

    /**
     * The failure of a test case.
     *
     * @param message one line
     * @param type    its kind
     * @param text    the full text
     */
    public record Failure(String message, String type, String text) {}

    /**
     * Writes the suite to {@code file}, creating its directory.
     *
     * @param suite the suite's name
     * @param time  seconds the suite took, as text
     * @throws IOException when the file cannot be written
     */
    public static Path write(Path file, String suite, String time, List<TestCase> cases) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        try (OutputStream out = Files.newOutputStream(file)) {
            write(out, suite, time, cases);
        } catch (XMLStreamException e) {
            throw new IOException("Could not write " + file + ": " + e.getMessage(), e);
        }
        return file;
    }

    private static void write(OutputStream out, String suite, String time, List<TestCase> cases)
            throws XMLStreamException {
        XMLStreamWriter xml = XMLOutputFactory.newDefaultFactory().createXMLStreamWriter(out, "UTF-8");
        xml.writeStartDocument("UTF-8", "1.0");
        xml.writeCharacters("\n");
        xml.writeStartElement("testsuite");
        xml.writeAttribute("name", suite);
        xml.writeAttribute("tests", Integer.toString(cases.size()));
        xml.writeAttribute(
                "failures",
                Long.toString(cases.stream().filter(c -> c.failure() != null).count()));
        xml.writeAttribute("errors", "0");
        xml.writeAttribute(
                "skipped",
                Long.toString(cases.stream().filter(c -> c.skipped() != null).count()));
        xml.writeAttribute("time", time);
        for (TestCase c : cases) {
            xml.writeCharacters("\n  ");
            xml.writeStartElement("testcase");
            xml.writeAttribute("classname", c.classname());
            xml.writeAttribute("name", c.name());
            xml.writeAttribute("time", c.time());
            if (c.failure() != null) {
                xml.writeStartElement("failure");
                xml.writeAttribute("message", c.failure().message());
                xml.writeAttribute("type", c.failure().type());
                xml.writeCharacters(c.failure().text());
                xml.writeEndElement();
            }
            if (c.skipped() != null) {
                xml.writeEmptyElement("skipped");
                xml.writeAttribute("message", c.skipped());
            }
            if (c.systemOut() != null) {
                xml.writeStartElement("system-out");
                xml.writeCharacters(c.systemOut());
                xml.writeEndElement();
            }
            xml.writeEndElement();
        }
        xml.writeCharacters("\n");
        xml.writeEndElement();
        xml.writeCharacters("\n");
        xml.writeEndDocument();
        xml.close();
    }
}
