package dev.dockyard.image.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class TemplateFunctionsTest {

    @Test
    void quotesForLabelAndEnvWithoutSubstitution() {
        assertEquals("\"a \\\"b\\\" \\\\ \\$HOME c\"", TemplateFunctions.quote("a \"b\" \\ $HOME\n   c"));
    }

    @Test
    void writesTheExecFormAsAJsonArray() {
        assertEquals(
                "[\"java\", \"-Dx=\\\"y\\\"\", \"a b\"]",
                TemplateFunctions.execForm(List.of("java", "-Dx=\"y\"", "a b")));
    }
}
