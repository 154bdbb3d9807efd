package ${package};

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class LogTest {

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

    @Test
    void plainByDefault() {
        new Log(null, out).info("listening on port 8080");
        assertEquals("listening on port 8080" + System.lineSeparator(), bytes.toString(StandardCharsets.UTF_8));
    }

    @Test
    void oneJsonObjectPerLineWhenLogFormatIsJson() {
        new Log("json", out).error("cannot listen: \"port\" taken\tnow");
        String line = bytes.toString(StandardCharsets.UTF_8).strip();
        assertTrue(line.matches("\\{\"timestamp\":\"[0-9T:.\\-]+Z\",\"level\":\"ERROR\",\"logger\":\"[a-z0-9-]+\","
                + "\"message\":\"cannot listen: \\\\\"port\\\\\" taken\\\\tnow\"\\}"), line);
    }

    @Test
    void controlCharactersAreEscaped() {
        assertEquals("a\\u0001b\\\\c\\nd", Log.escape("a\u0001b\\c\nd"));
    }
}
