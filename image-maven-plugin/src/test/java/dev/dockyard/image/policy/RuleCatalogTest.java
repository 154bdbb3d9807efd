package dev.dockyard.image.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Keeps the rule classes, the service registration and docs/rules.md in step. */
class RuleCatalogTest {

    @Test
    void everyRuleClassIsRegisteredForServiceLoading() throws Exception {
        Set<String> classes = new TreeSet<>();
        Path dir = Paths.get("target/classes/dev/dockyard/image/policy/rules");
        try (Stream<Path> files = Files.list(dir)) {
            for (Path p : files.filter(f -> f.toString().endsWith(".class")).collect(Collectors.toList())) {
                String name = "dev.dockyard.image.policy.rules."
                        + p.getFileName().toString().replace(".class", "");
                Class<?> c = Class.forName(name);
                if (Rule.class.isAssignableFrom(c) && !Modifier.isAbstract(c.getModifiers())) {
                    classes.add(name);
                }
            }
        }
        Set<String> loaded =
                Rules.all().stream().map(r -> r.getClass().getName()).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(classes, loaded);
    }

    @Test
    void docsDescribeEveryRuleWithExamplesAndEquivalent() throws IOException {
        String doc = Files.readString(Paths.get("../docs/rules.md"), StandardCharsets.UTF_8);
        List<String> missing = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        ids.add(Linter.SYNTAX_RULE);
        Rules.all().forEach(r -> ids.add(r.id()));
        for (String id : ids) {
            Matcher m = Pattern.compile("(?m)^## `" + Pattern.quote(id) + "`\\n(.*?)(?=^## |\\z)", Pattern.DOTALL)
                    .matcher(doc);
            if (!m.find()) {
                missing.add(id + ": no section");
                continue;
            }
            String section = m.group(1);
            for (String part : List.of("**Severity:**", "**Bad:**", "**Good:**", "**Equivalent:**")) {
                if (!section.contains(part)) {
                    missing.add(id + ": no " + part);
                }
            }
            if (!id.equals(Linter.SYNTAX_RULE)) {
                Rule rule = Rules.all().stream()
                        .filter(r -> r.id().equals(id))
                        .findFirst()
                        .orElseThrow();
                if (!section.contains("**Severity:** " + rule.defaultSeverity().label())) {
                    missing.add(
                            id + ": severity is not " + rule.defaultSeverity().label());
                }
                for (String code : rule.hadolintCodes()) {
                    if (!section.contains(code)) {
                        missing.add(id + ": hadolint " + code + " not named");
                    }
                }
            }
        }
        assertTrue(missing.isEmpty(), String.join("\n", missing));
    }
}
