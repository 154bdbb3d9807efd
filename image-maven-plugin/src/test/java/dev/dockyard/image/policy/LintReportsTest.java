package dev.dockyard.image.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class LintReportsTest {

    private static final String BAD = "FROM debian:12\nRUN apt-get install -y curl && rm -rf /var/lib/apt/lists/*\n"
            + "EXPOSE 8080\nHEALTHCHECK NONE\nCMD <run> & \"quoted\"\n";

    private final ObjectMapper mapper = new ObjectMapper();

    private LintResult result() {
        Linter linter = new Linter(LintSettings.defaults());
        List<Finding> all = new ArrayList<>(linter.lint("a/Dockerfile", BAD).findings());
        all.addAll(linter.lint("b/Dockerfile", "FROM a:1@sha256:x\nUSER 1\n").findings());
        return new LintResult(List.of("a/Dockerfile", "b/Dockerfile"), all, FailOn.WARNING, linter.enabledRules());
    }

    @Test
    void writesJsonSarifAndJunit(@TempDir Path dir) throws Exception {
        LintResult r = result();
        List<Path> written = LintReports.write(dir, r);
        assertEquals(
                List.of(dir.resolve("lint.json"), dir.resolve("lint.sarif"), dir.resolve("TEST-dockyard-lint.xml")),
                written);

        JsonNode json = mapper.readTree(dir.resolve("lint.json").toFile());
        assertEquals("warning", json.get("failOn").asText());
        assertEquals(r.findings().size(), json.get("findings").size());
        assertEquals(r.failing().size(), json.get("summary").get("failing").asInt());
        JsonNode first = json.get("findings").get(0);
        assertEquals("a/Dockerfile", first.get("path").asText());
        assertEquals(r.findings().get(0).rule(), first.get("rule").asText());
    }

    @Test
    void sarifHasTheRequiredFields(@TempDir Path dir) throws Exception {
        LintResult r = result();
        LintReports.write(dir, r);
        JsonNode sarif = mapper.readTree(dir.resolve("lint.sarif").toFile());
        assertEquals("2.1.0", sarif.get("version").asText());
        assertEquals(LintReports.SARIF_SCHEMA, sarif.get("$schema").asText());
        JsonNode run = sarif.get("runs").get(0);
        JsonNode driver = run.get("tool").get("driver");
        assertEquals("dockyard", driver.get("name").asText());
        assertEquals(r.rules().size() + 1, driver.get("rules").size());
        JsonNode results = run.get("results");
        assertEquals(r.findings().size(), results.size());
        for (int i = 0; i < results.size(); i++) {
            JsonNode res = results.get(i);
            Finding f = r.findings().get(i);
            assertEquals(f.rule(), res.get("ruleId").asText());
            assertEquals(
                    f.rule(),
                    driver.get("rules")
                            .get(res.get("ruleIndex").asInt())
                            .get("id")
                            .asText());
            assertEquals(LintReports.level(f.severity()), res.get("level").asText());
            assertEquals(f.message(), res.get("message").get("text").asText());
            JsonNode loc = res.get("locations").get(0).get("physicalLocation");
            assertEquals(f.path(), loc.get("artifactLocation").get("uri").asText());
            assertEquals(f.line(), loc.get("region").get("startLine").asInt());
            assertEquals(f.column(), loc.get("region").get("startColumn").asInt());
        }
    }

    @Test
    void junitHasATestcasePerRuleAndFileAndFailuresAtThreshold(@TempDir Path dir) throws Exception {
        LintResult r = result();
        LintReports.write(dir, r);
        Document doc = DocumentBuilderFactory.newInstance()
                .newDocumentBuilder()
                .parse(dir.resolve("TEST-dockyard-lint.xml").toFile());
        Element suite = doc.getDocumentElement();
        assertEquals("testsuite", suite.getTagName());
        int perFile = r.rules().size() + 1;
        NodeList cases = suite.getElementsByTagName("testcase");
        assertEquals(2 * perFile, cases.getLength());
        assertEquals(Integer.toString(2 * perFile), suite.getAttribute("tests"));
        long failingRules = r.failing().stream()
                .map(f -> f.path() + " " + f.rule())
                .distinct()
                .count();
        assertEquals(failingRules, suite.getElementsByTagName("failure").getLength());
        assertEquals(Long.toString(failingRules), suite.getAttribute("failures"));
        assertTrue(failingRules > 0);
        Element failure = (Element) suite.getElementsByTagName("failure").item(0);
        assertTrue(failure.getAttribute("message").startsWith("a/Dockerfile:"), failure.getAttribute("message"));
        assertTrue(Files.readString(dir.resolve("TEST-dockyard-lint.xml")).contains("&lt;run&gt;")
                || Files.readString(dir.resolve("TEST-dockyard-lint.xml")).contains("CMD"));
    }
}
