package dev.dockyard.image.policy.rules;

import dev.dockyard.image.dockerfile.Instruction;
import dev.dockyard.image.dockerfile.ShellWords;
import dev.dockyard.image.dockerfile.Stage;
import dev.dockyard.image.policy.RuleContext;
import dev.dockyard.image.policy.Severity;
import dev.dockyard.image.policy.rulekit.BaseRule;
import dev.dockyard.image.policy.rulekit.Shell;
import java.util.List;
import java.util.Set;

/**
 * Cache order: a stage copies the whole build context ({@code COPY . .}) before it resolves dependencies
 * ({@code mvn dependency:go-offline}, {@code npm ci}, {@code pip install -r}, {@code go mod download}, ...), so every
 * source change downloads all dependencies again.
 */
public final class CopyContextBeforeDeps extends BaseRule {

    private static final Set<String> WHOLE_CONTEXT = Set.of(".", "./", "./.", "*", "./*");

    public CopyContextBeforeDeps() {
        super(
                "copy-context-before-deps",
                Severity.WARNING,
                "Dependency manifests are copied and resolved before COPY . (the whole context).");
    }

    @Override
    public void check(RuleContext context) {
        char escape = context.dockerfile().escape();
        for (Stage s : context.stages()) {
            Instruction copyAll = null;
            for (Instruction i : s.instructions()) {
                if (copyAll == null && i.is("COPY") && i.flag("from") == null && copiesContext(i, escape)) {
                    copyAll = i;
                } else if (copyAll != null && i.is("RUN")) {
                    String step = dependencyStep(Shell.of(i));
                    if (step != null) {
                        context.report(
                                copyAll,
                                "COPY of the whole context comes before '" + step + "' (line "
                                        + i.line() + "): copy the dependency manifests first, resolve, then copy the "
                                        + "sources, so source changes keep the dependency layer cached");
                        break;
                    }
                }
            }
        }
    }

    private static boolean copiesContext(Instruction copy, char escape) {
        List<String> words = copy.json() != null ? copy.json() : ShellWords.split(copy.expanded(), escape);
        for (int k = 0; k < words.size() - 1; k++) {
            if (WHOLE_CONTEXT.contains(words.get(k))) {
                return true;
            }
        }
        return false;
    }

    /** @return a short name of the dependency-resolution command run by {@code sh}, or {@code null} */
    static String dependencyStep(Shell sh) {
        for (String mvn : List.of("mvn", "mvnw")) {
            for (List<String> c : sh.invocations(mvn)) {
                for (String a : c) {
                    if (a.contains("dependency:go-offline")
                            || a.contains("dependency:resolve")
                            || a.contains("go-offline-maven-plugin")) {
                        return "mvn " + a;
                    }
                }
            }
        }
        for (String gradle : List.of("gradle", "gradlew")) {
            for (List<String> c : sh.invocations(gradle)) {
                if (c.contains("dependencies") || c.contains("--refresh-dependencies")) {
                    return "gradle dependencies";
                }
            }
        }
        for (List<String> c : sh.invocations("npm")) {
            if (c.size() > 1
                    && (c.get(1).equals("ci")
                            || (c.get(1).equals("install") || c.get(1).equals("i"))
                                    && c.subList(2, c.size()).stream().allMatch(a -> a.startsWith("-")))) {
                return "npm " + c.get(1);
            }
        }
        for (List<String> c : sh.invocations("pnpm")) {
            if (c.size() > 1 && Set.of("install", "i", "fetch").contains(c.get(1))) {
                return "pnpm " + c.get(1);
            }
        }
        for (List<String> c : sh.invocations("yarn")) {
            if (c.size() == 1
                    || c.get(1).equals("install")
                    || c.get(1).startsWith("--frozen")
                    || c.get(1).equals("--immutable")) {
                return "yarn install";
            }
        }
        for (String pip : List.of("pip", "pip3")) {
            for (List<String> c : sh.invocations(pip)) {
                if (c.contains("-r")
                        || c.stream()
                                .anyMatch(a -> a.startsWith("--requirement")
                                        || a.startsWith("-r") && a.length() > 2 && a.endsWith(".txt"))) {
                    return pip + " install -r";
                }
            }
        }
        String[][] simple = {
            {"go", "mod", "download"},
            {"bundle", "install", null},
            {"cargo", "fetch", null},
            {"composer", "install", null},
            {"poetry", "install", null},
            {"uv", "sync", null},
            {"pipenv", "install", null},
            {"dotnet", "restore", null}
        };
        for (String[] s : simple) {
            for (List<String> c : sh.invocations(s[0])) {
                if (c.size() > 1
                        && c.get(1).equals(s[1])
                        && (s[2] == null || c.size() > 2 && c.get(2).equals(s[2]))) {
                    return s[0] + " " + s[1] + (s[2] == null ? "" : " " + s[2]);
                }
            }
        }
        return null;
    }
}
