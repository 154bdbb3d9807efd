package dev.dockyard.image.policy.rules;

import dev.dockyard.image.dockerfile.Instruction;
import dev.dockyard.image.dockerfile.ShellWords;
import dev.dockyard.image.policy.RuleContext;
import dev.dockyard.image.policy.Severity;
import dev.dockyard.image.policy.rulekit.BaseRule;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** {@code COPY} rather than {@code ADD} for local files and directories (hadolint DL3020). */
public final class AddLocal extends BaseRule {

    private static final List<String> ARCHIVES =
            List.of(".tar", ".tar.gz", ".tgz", ".tar.bz2", ".tbz2", ".tar.xz", ".txz", ".tar.zst", ".tzst");

    public AddLocal() {
        super("add-local", Severity.ERROR, "COPY, not ADD, for local files and directories.", "DL3020");
    }

    @Override
    public void check(RuleContext context) {
        for (Instruction i : all(context, "ADD")) {
            List<String> words = i.json() != null
                    ? i.json()
                    : ShellWords.split(i.expanded(), context.dockerfile().escape());
            List<String> sources = new ArrayList<>(words.subList(0, Math.max(0, words.size() - 1)));
            if (sources.isEmpty() && !i.heredocs().isEmpty()) {
                sources.add("<<" + i.heredocs().get(0).delimiter());
            }
            boolean local = !sources.isEmpty();
            for (String src : sources) {
                String s = src.toLowerCase(Locale.ROOT);
                if (s.contains("://")
                        || s.startsWith("git@")
                        || ARCHIVES.stream().anyMatch(s::endsWith)) {
                    local = false;
                }
            }
            if (local) {
                context.report(i, "ADD of local files: use COPY (ADD is for URLs and archives to unpack)");
            }
        }
    }
}
