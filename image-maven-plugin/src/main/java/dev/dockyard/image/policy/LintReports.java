package dev.dockyard.image.policy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dockyard.image.support.JUnitXml;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a {@link LintResult} as machine-readable reports:
 * <ul>
 * <li>{@code <name>.json}: Dockyard's own format (files, summary, findings);</li>
 * <li>{@code <name>.sarif}: SARIF 2.1.0 for code-scanning tools;</li>
 * <li>{@code TEST-dockyard-<name>.xml}: JUnit XML, one test case per rule and file, failed when that rule has
 * findings at or above the threshold in that file.</li>
 * </ul>
 */
public final class LintReports {

    /** Default report base name: the reports of {@code image:lint} (hand-written Dockerfiles). */
    public static final String DEFAULT_NAME = "lint";

    /**
     * Report base name of the lint of the rendered Dockerfile ({@code image:dockerfile}): distinct from
     * {@link #DEFAULT_NAME}, so that a module with both keeps both reports.
     */
    public static final String RENDERED_NAME = "lint-dockerfile";

    static final String SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";
    static final String INFO_URI = "https://dockyard.dev";
    static final String RULES_URI = INFO_URI + "/docs/rules.html#";

    private LintReports() {}

    /**
     * Writes {@code lint.json}, {@code lint.sarif} and {@code TEST-dockyard-lint.xml} into {@code dir}.
     *
     * @return the written files
     * @throws IOException when a file cannot be written
     */
    public static List<Path> write(Path dir, LintResult result) throws IOException {
        return write(dir, result, DEFAULT_NAME);
    }

    /**
     * Writes the three reports with another base name, e.g. {@code lint-rendered} for a second lint in one build.
     *
     * @return the written files
     * @throws IOException when a file cannot be written
     */
    public static List<Path> write(Path dir, LintResult result, String name) throws IOException {
        Files.createDirectories(dir);
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        Path json = dir.resolve(name + ".json");
        mapper.writeValue(json.toFile(), json(mapper, result));
        Path sarif = dir.resolve(name + ".sarif");
        mapper.writeValue(sarif.toFile(), sarif(mapper, result));
        Path junit =
                JUnitXml.write(dir.resolve("TEST-dockyard-" + name + ".xml"), "dockyard." + name, "0", junit(result));
        return List.of(json, sarif, junit);
    }

    static ObjectNode json(ObjectMapper mapper, LintResult result) {
        ObjectNode root = mapper.createObjectNode();
        root.put("tool", "dockyard");
        root.put("failOn", result.failOn().label());
        ArrayNode files = root.putArray("files");
        result.files().forEach(files::add);
        ObjectNode summary = root.putObject("summary");
        summary.put("error", result.count(Severity.ERROR));
        summary.put("warning", result.count(Severity.WARNING));
        summary.put("info", result.count(Severity.INFO));
        summary.put("total", result.findings().size());
        summary.put("failing", result.failing().size());
        ArrayNode findings = root.putArray("findings");
        for (Finding f : result.findings()) {
            ObjectNode n = findings.addObject();
            n.put("path", f.path());
            n.put("line", f.line());
            n.put("column", f.column());
            n.put("severity", f.severity().label());
            n.put("rule", f.rule());
            n.put("message", f.message());
            n.put("failing", result.failOn().fails(f.severity()));
        }
        return root;
    }

    static ObjectNode sarif(ObjectMapper mapper, LintResult result) {
        ObjectNode root = mapper.createObjectNode();
        root.put("$schema", SARIF_SCHEMA);
        root.put("version", "2.1.0");
        ObjectNode run = root.putArray("runs").addObject();
        ObjectNode driver = run.putObject("tool").putObject("driver");
        driver.put("name", "dockyard");
        driver.put("informationUri", INFO_URI);
        String version = LintReports.class.getPackage().getImplementationVersion();
        if (version != null) {
            driver.put("version", version);
        }
        ArrayNode rules = driver.putArray("rules");
        Map<String, Integer> index = new HashMap<>();
        List<String[]> descriptors = new ArrayList<>();
        descriptors.add(new String[] {Linter.SYNTAX_RULE, "The Dockerfile parses.", "error"});
        for (Rule r : result.rules()) {
            descriptors.add(new String[] {r.id(), r.description(), level(r.defaultSeverity())});
        }
        for (String[] d : descriptors) {
            index.put(d[0], rules.size());
            ObjectNode rule = rules.addObject();
            rule.put("id", d[0]);
            rule.putObject("shortDescription").put("text", d[1]);
            rule.put("helpUri", RULES_URI + d[0]);
            rule.putObject("defaultConfiguration").put("level", d[2]);
        }
        ArrayNode artifacts = run.putArray("artifacts");
        for (String f : result.files()) {
            artifacts.addObject().putObject("location").put("uri", f);
        }
        ArrayNode results = run.putArray("results");
        for (Finding f : result.findings()) {
            ObjectNode r = results.addObject();
            r.put("ruleId", f.rule());
            Integer i = index.get(f.rule());
            if (i != null) {
                r.put("ruleIndex", i);
            }
            r.put("level", level(f.severity()));
            r.putObject("message").put("text", f.message());
            ObjectNode physical = r.putArray("locations").addObject().putObject("physicalLocation");
            physical.putObject("artifactLocation").put("uri", f.path());
            ObjectNode region = physical.putObject("region");
            region.put("startLine", f.line());
            region.put("startColumn", f.column());
        }
        return root;
    }

    static String level(Severity s) {
        switch (s) {
            case ERROR:
                return "error";
            case WARNING:
                return "warning";
            default:
                return "note";
        }
    }

    /** The JUnit XML test cases: one per file and rule, failed when that rule has findings that fail the build. */
    static List<JUnitXml.TestCase> junit(LintResult result) {
        Map<String, Map<String, List<Finding>>> byFileRule = new LinkedHashMap<>();
        for (String f : result.files()) {
            byFileRule.put(f, new LinkedHashMap<>());
        }
        for (Finding f : result.findings()) {
            byFileRule
                    .computeIfAbsent(f.path(), k -> new LinkedHashMap<>())
                    .computeIfAbsent(f.rule(), k -> new ArrayList<>())
                    .add(f);
        }
        List<String> ruleIds = new ArrayList<>();
        ruleIds.add(Linter.SYNTAX_RULE);
        result.rules().forEach(r -> ruleIds.add(r.id()));
        List<JUnitXml.TestCase> cases = new ArrayList<>();
        for (Map.Entry<String, Map<String, List<Finding>>> file : byFileRule.entrySet()) {
            for (String rule : ruleIds) {
                List<Finding> failing = new ArrayList<>();
                List<Finding> below = new ArrayList<>();
                for (Finding f : file.getValue().getOrDefault(rule, List.of())) {
                    (result.failOn().fails(f.severity()) ? failing : below).add(f);
                }
                JUnitXml.Failure failure = failing.isEmpty()
                        ? null
                        : new JUnitXml.Failure(
                                failing.get(0).consoleLine(),
                                failing.get(0).severity().label(),
                                lines(failing));
                cases.add(new JUnitXml.TestCase(
                        file.getKey(), rule, "0", failure, null, below.isEmpty() ? null : lines(below)));
            }
        }
        return cases;
    }

    private static String lines(List<Finding> findings) {
        StringBuilder sb = new StringBuilder();
        for (Finding f : findings) {
            sb.append(f.consoleLine()).append('\n');
        }
        return sb.toString();
    }
}
