package dev.dockyard.image.policy;

import dev.dockyard.image.dockerfile.Comment;
import dev.dockyard.image.dockerfile.Dockerfile;
import dev.dockyard.image.dockerfile.Instruction;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Inline pragmas: {@code # dockyard ignore=RULE[,RULE]} silences the next instruction (or, inside a continuation,
 * the instruction it is part of),
 * {@code # dockyard global ignore=RULE[,RULE]} the whole file; {@code # hadolint ignore=DLxxxx} and
 * {@code # hadolint global ignore=DLxxxx} do the same for the rules mapped to those codes.
 */
final class Suppressions {

    private static final Pattern PRAGMA = Pattern.compile(
            "(?i)(dockyard|hadolint)\\s+(global\\s+)?ignore\\s*=\\s*([A-Za-z0-9_\\-]+(?:\\s*,\\s*[A-Za-z0-9_\\-]+)*)\\s*");

    private final Set<String> global = new HashSet<>();
    private final Map<Integer, Set<String>> byLine = new HashMap<>();

    Suppressions(Dockerfile file) {
        List<Instruction> instructions = file.instructions();
        for (Comment c : file.comments()) {
            Matcher m = PRAGMA.matcher(c.text());
            if (!m.matches()) {
                continue;
            }
            Set<String> ids = new HashSet<>();
            for (String id : m.group(3).split(",")) {
                ids.add(id.trim().toLowerCase(Locale.ROOT));
            }
            if (m.group(2) != null) {
                global.addAll(ids);
                continue;
            }
            for (Instruction i : instructions) {
                if (i.line() > c.line() || i.line() < c.line() && c.line() < i.endLine()) {
                    byLine.computeIfAbsent(i.line(), k -> new HashSet<>()).addAll(ids);
                    break;
                }
            }
        }
    }

    boolean suppressed(Rule rule, int line) {
        Set<String> here = byLine.getOrDefault(line, Set.of());
        if (global.contains(rule.id()) || here.contains(rule.id())) {
            return true;
        }
        for (String code : rule.hadolintCodes()) {
            String c = code.toLowerCase(Locale.ROOT);
            if (global.contains(c) || here.contains(c)) {
                return true;
            }
        }
        return false;
    }
}
