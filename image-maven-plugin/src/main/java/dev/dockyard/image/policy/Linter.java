package dev.dockyard.image.policy;

import dev.dockyard.image.dockerfile.Dockerfile;
import dev.dockyard.image.dockerfile.DockerfileParser;
import dev.dockyard.image.dockerfile.DockerfileSyntaxException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Lints Dockerfiles: the entry point for goals and for anyone embedding the checks.
 *
 * <pre>{@code
 * Linter linter = new Linter(LintSettings.builder().failOn(FailOn.WARNING).build());
 * LintResult result = linter.lint("target/docker/Dockerfile", text);   // or lint(baseDir, files)
 * result.consoleLines().forEach(log::warn);                             // path:line:col severity RULE message
 * LintReports.write(reportsDir, result);                                // lint.json, lint.sarif, TEST-dockyard-lint.xml
 * if (result.failed()) { ... result.failing() ... }
 * }</pre>
 *
 * <p>A file that does not parse yields one {@value #SYNTAX_RULE} finding (severity error) at the error's position;
 * nothing is thrown for bad input. Instances are immutable and thread-safe.
 */
public final class Linter {

    /** Rule id of the finding reported for a file that cannot be parsed. */
    public static final String SYNTAX_RULE = "syntax";

    private final LintSettings settings;
    private final List<Rule> rules;
    private final List<Rule> enabled;

    /**
     * @param settings configuration
     * @throws IllegalArgumentException when the settings name a rule id that does not exist
     */
    public Linter(LintSettings settings) {
        this(settings, Rules.all());
    }

    Linter(LintSettings settings, List<Rule> rules) {
        this.settings = settings;
        this.rules = List.copyOf(rules);
        Set<String> ids = new TreeSet<>();
        for (Rule r : rules) {
            ids.add(r.id());
        }
        List<String> unknown = new ArrayList<>();
        for (String id : settings.disabled()) {
            if (!ids.contains(id)) {
                unknown.add(id);
            }
        }
        for (String id : settings.severities().keySet()) {
            if (!ids.contains(id)) {
                unknown.add(id);
            }
        }
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException(
                    "unknown lint rule id(s) " + unknown + "; known ids: " + String.join(", ", ids));
        }
        List<Rule> on = new ArrayList<>();
        for (Rule r : rules) {
            if (!settings.disabled().contains(r.id())) {
                on.add(r);
            }
        }
        this.enabled = List.copyOf(on);
    }

    /** @return every known rule, enabled or not, sorted by id */
    public List<Rule> rules() {
        return rules;
    }

    /** @return the rules that run */
    public List<Rule> enabledRules() {
        return enabled;
    }

    /** @return the settings */
    public LintSettings settings() {
        return settings;
    }

    /**
     * Lints one Dockerfile given as text.
     *
     * @param path    path shown in findings and reports (use a path relative to the module)
     * @param content the Dockerfile
     * @return the result
     */
    public LintResult lint(String path, String content) {
        return new LintResult(List.of(path), findings(path, content), settings.failOn(), enabled);
    }

    /**
     * Lints files, naming them relative to {@code baseDir} (with {@code /} separators).
     *
     * @param baseDir directory paths are shown relative to
     * @param files   Dockerfiles to read (UTF-8)
     * @return the result over all files
     * @throws IOException when a file cannot be read
     */
    public LintResult lint(Path baseDir, Collection<Path> files) throws IOException {
        List<String> paths = new ArrayList<>();
        List<Finding> all = new ArrayList<>();
        for (Path f : files) {
            String shown = displayPath(baseDir, f);
            paths.add(shown);
            try {
                all.addAll(findings(shown, DockerfileParser.read(f, shown)));
            } catch (DockerfileSyntaxException e) {
                all.add(syntaxFinding(e));
            }
        }
        return new LintResult(paths, all, settings.failOn(), enabled);
    }

    private static Finding syntaxFinding(DockerfileSyntaxException e) {
        return new Finding(e.path(), e.line(), e.column(), Severity.ERROR, SYNTAX_RULE, e.reason());
    }

    /**
     * @return the findings of one file, sorted
     */
    public List<Finding> findings(String path, String content) {
        Dockerfile file;
        try {
            file = DockerfileParser.parse(path, content);
        } catch (DockerfileSyntaxException e) {
            return List.of(syntaxFinding(e));
        }
        Suppressions suppressions = new Suppressions(file);
        Map<String, Severity> overrides = settings.severities();
        List<Finding> out = new ArrayList<>();
        for (Rule rule : enabled) {
            RuleContext ctx = new RuleContext(file, settings);
            rule.check(ctx);
            Severity severity = overrides.getOrDefault(rule.id(), rule.defaultSeverity());
            for (RuleContext.Violation v : ctx.violations()) {
                if (!suppressions.suppressed(rule, v.line())) {
                    out.add(new Finding(path, v.line(), v.column(), severity, rule.id(), v.message()));
                }
            }
        }
        out.sort(null);
        return out;
    }

    private static String displayPath(Path baseDir, Path file) {
        Path abs = file.toAbsolutePath().normalize();
        Path base = baseDir.toAbsolutePath().normalize();
        Path shown = abs.startsWith(base) ? base.relativize(abs) : abs;
        return shown.toString().replace('\\', '/');
    }
}
