package dev.dockyard.image.policy.rules;

import dev.dockyard.image.dockerfile.ImageRef;
import dev.dockyard.image.dockerfile.Instruction;
import dev.dockyard.image.dockerfile.Stage;
import dev.dockyard.image.policy.RuleContext;
import dev.dockyard.image.policy.Severity;
import dev.dockyard.image.policy.rulekit.Apt;
import dev.dockyard.image.policy.rulekit.BaseRule;
import dev.dockyard.image.policy.rulekit.FinalImage;
import dev.dockyard.image.policy.rulekit.Shell;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * In a multi-stage build, the final stage carries no build tools: not based on a JDK, Maven, Gradle, Go or GCC image,
 * installs no compilers or build tools, runs no {@code mvn}, {@code gradle}, {@code javac}, {@code jlink} or
 * {@code gcc}.
 */
public final class BuildToolsInFinal extends BaseRule {

    private static final Set<String> BUILD_IMAGES =
            Set.of("maven", "gradle", "golang", "gcc", "rust", "openjdk", "buildpack-deps");

    private static final Pattern BUILD_PACKAGE =
            Pattern.compile("(maven|gradle|gcc|g\\+\\+|make|cmake|build-essential|build-base|default-jdk(-headless)?"
                    + "|openjdk-\\d+-jdk(-headless)?|openjdk\\d+(-jdk)?|temurin-\\d+-jdk|golang(-go)?|rustc|cargo)"
                    + "(=.*)?");

    private static final List<String> BUILD_COMMANDS =
            List.of("mvn", "mvnw", "gradle", "gradlew", "javac", "jlink", "gcc", "g++", "make", "go", "cargo");

    public BuildToolsInFinal() {
        super(
                "build-tools-in-final",
                Severity.WARNING,
                "The final stage of a multi-stage build has no build tools (JDK, Maven, Gradle, compilers).");
    }

    @Override
    public void check(RuleContext context) {
        if (context.stages().size() < 2) {
            return;
        }
        for (Stage s : FinalImage.chain(context.dockerfile())) {
            ImageRef ref = s.baseImage();
            if (ref != null && buildImage(ref)) {
                context.report(
                        s.from(),
                        "final stage is based on build image '" + s.baseName() + "': build in an "
                                + "earlier stage and base the final stage on a runtime image (JRE, distroless)");
            }
            for (Instruction i : s.all("RUN")) {
                List<String> tools = new ArrayList<>();
                List<List<String>> installs = new ArrayList<>(Apt.aptInstalls(i));
                installs.addAll(Apt.apkAdds(i));
                for (List<String> args : installs) {
                    for (String p : args) {
                        if (BUILD_PACKAGE.matcher(p).matches() && !tools.contains(p)) {
                            tools.add(p);
                        }
                    }
                }
                Shell sh = Shell.of(i);
                for (String c : BUILD_COMMANDS) {
                    if (sh.runs(c) && !tools.contains(c)) {
                        tools.add(c);
                    }
                }
                if (!tools.isEmpty()) {
                    context.report(
                            i,
                            "final stage installs or runs build tools (" + String.join(", ", tools)
                                    + "): do this in a build stage and COPY --from only the output");
                }
            }
        }
    }

    private static boolean buildImage(ImageRef ref) {
        String name = ref.simpleName().toLowerCase(Locale.ROOT);
        String tag = ref.tag() == null ? "" : ref.tag().toLowerCase(Locale.ROOT);
        if (tag.contains("jre")) {
            return false;
        }
        return BUILD_IMAGES.contains(name) || tag.contains("jdk") || name.endsWith("-jdk");
    }
}
