package dev.dockyard.image.policy.rules;

import dev.dockyard.image.dockerfile.Instruction;
import dev.dockyard.image.policy.RuleContext;
import dev.dockyard.image.policy.Severity;
import dev.dockyard.image.policy.rulekit.BaseRule;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code EXPOSE} names valid ports 1-65535 with an optional /tcp, /udp or /sctp (hadolint DL3011). */
public final class ExposePort extends BaseRule {

    private static final Pattern PORT =
            Pattern.compile("(\\d{1,6})(?:-(\\d{1,6}))?(?:/(tcp|udp|sctp))?", Pattern.CASE_INSENSITIVE);

    public ExposePort() {
        super(
                "expose-port",
                Severity.ERROR,
                "EXPOSE names valid ports (1-65535, optionally /tcp, /udp or /sctp).",
                "DL3011");
    }

    @Override
    public void check(RuleContext context) {
        for (Instruction i : context.dockerfile().instructions()) {
            if (!i.is("EXPOSE") || i.arguments().contains("$")) {
                continue;
            }
            for (String p : i.expanded().trim().split("\\s+")) {
                if (!p.isEmpty() && !valid(p)) {
                    context.report(
                            i,
                            "EXPOSE " + p + " is not a valid port: use 1-65535, optionally with /tcp, "
                                    + "/udp or /sctp");
                }
            }
        }
    }

    private static boolean valid(String p) {
        Matcher m = PORT.matcher(p);
        if (!m.matches()) {
            return false;
        }
        int low = Integer.parseInt(m.group(1));
        int high = m.group(2) == null ? low : Integer.parseInt(m.group(2));
        return low >= 1 && high <= 65535 && low <= high;
    }
}
