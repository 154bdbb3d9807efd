package dev.dockyard.image.policy.rules;

import dev.dockyard.image.dockerfile.Instruction;
import dev.dockyard.image.policy.RuleContext;
import dev.dockyard.image.policy.Severity;
import dev.dockyard.image.policy.rulekit.BaseRule;
import dev.dockyard.image.policy.rulekit.Shell;
import java.util.List;

/**
 * {@code useradd} with a high UID (6 digits or more) uses {@code -l}/{@code --no-log-init}, or the lastlog/faillog
 * files grow to hundreds of megabytes (hadolint DL3046).
 */
public final class UseraddUid extends BaseRule {

    public UseraddUid() {
        super("useradd-high-uid", Severity.WARNING, "useradd with a high UID uses -l (--no-log-init).", "DL3046");
    }

    @Override
    public void check(RuleContext context) {
        for (Instruction i : all(context, "RUN")) {
            for (List<String> args : Shell.of(i).invocations("useradd")) {
                String uid = null;
                boolean noLog = false;
                for (int k = 1; k < args.size(); k++) {
                    String a = args.get(k);
                    if ((a.equals("-u") || a.equals("--uid")) && k + 1 < args.size()) {
                        uid = args.get(k + 1);
                    } else if (a.startsWith("--uid=")) {
                        uid = a.substring(6);
                    } else if (a.equals("--no-log-init")
                            || a.startsWith("-") && !a.startsWith("--") && a.indexOf('l') > 0) {
                        noLog = true;
                    }
                }
                if (uid != null && uid.length() > 5 && uid.chars().allMatch(Character::isDigit) && !noLog) {
                    context.report(
                            i,
                            "useradd -u " + uid + " without -l writes a huge sparse lastlog file: add -l "
                                    + "(--no-log-init)");
                }
            }
        }
    }
}
