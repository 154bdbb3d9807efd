package dev.dockyard.image.support;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JUnitXmlTest {

    @Test
    void writesOneSuiteWithItsCountsAndEscapedText(@TempDir Path dir) throws Exception {
        Path file = JUnitXml.write(
                dir.resolve("reports/TEST-x.xml"),
                "x",
                "1.500",
                List.of(
                        new JUnitXml.TestCase("c", "passes", "0.500", null, null, "a < b"),
                        new JUnitXml.TestCase(
                                "c",
                                "fails",
                                "1.000",
                                new JUnitXml.Failure("it \"broke\"", "error", "line 1\nline 2"),
                                null,
                                "below & beyond"),
                        new JUnitXml.TestCase("c", "skips", "0", null, "not run", null)));
        assertEquals("""
                <?xml version="1.0" encoding="UTF-8"?>
                <testsuite name="x" tests="3" failures="1" errors="0" skipped="1" time="1.500">
                  <testcase classname="c" name="passes" time="0.500"><system-out>a &lt; b</system-out></testcase>
                  <testcase classname="c" name="fails" time="1.000"><failure message="it &quot;broke&quot;" \
                type="error">line 1
                line 2</failure><system-out>below &amp; beyond</system-out></testcase>
                  <testcase classname="c" name="skips" time="0"><skipped message="not run"/></testcase>
                </testsuite>
                """, Files.readString(file));
    }

    @Test
    void anEmptySuite(@TempDir Path dir) throws Exception {
        assertEquals("""
                <?xml version="1.0" encoding="UTF-8"?>
                <testsuite name="none" tests="0" failures="0" errors="0" skipped="0" time="0">
                </testsuite>
                """, Files.readString(JUnitXml.write(dir.resolve("TEST-none.xml"), "none", "0", List.of())));
    }
}
