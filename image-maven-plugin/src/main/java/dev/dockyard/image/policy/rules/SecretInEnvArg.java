package dev.dockyard.image.policy.rules;

import dev.dockyard.image.dockerfile.Instruction;
import dev.dockyard.image.dockerfile.ShellWords;
import dev.dockyard.image.policy.RuleContext;
import dev.dockyard.image.policy.Severity;
import dev.dockyard.image.policy.rulekit.BaseRule;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * No secrets in {@code ENV} or {@code ARG}: names such as PASSWORD, TOKEN, SECRET, API_KEY, PRIVATE_KEY, or values
 * that look like keys (Docker SecretsUsedInArgOrEnv). Both end up in the image config or its history.
 */
public final class SecretInEnvArg extends BaseRule {

    private static final Pattern NAME = Pattern.compile(
            "(?i)(^|_)(PASSWORD|PASSWD|PASSPHRASE|TOKEN|SECRET|API_?KEY|PRIVATE_?KEY|ACCESS_?KEY|SECRET_?KEY"
                    + "|CREDENTIALS?|CLIENT_SECRET)(_|$)");

    private static final Pattern HARMLESS_NAME = Pattern.compile(
            "(?i).*(_FILE|_PATH|_DIR|_URL|_URI|_HEADER" + "|_LENGTH|_TTL|_EXPIRY|_EXPIRES|_ENDPOINT)$|(?i).*PUBLIC.*");

    private static final Pattern SECRET_VALUE = Pattern.compile(
            "AKIA[0-9A-Z]{16}|-----BEGIN [A-Z ]*PRIVATE KEY-----|gh[pousr]_[A-Za-z0-9]{36,}|glpat-[A-Za-z0-9_\\-]{20,}"
                    + "|xox[abpr]-[A-Za-z0-9-]{10,}|sk_live_[A-Za-z0-9]{16,}|AIza[0-9A-Za-z_\\-]{35}"
                    + "|npm_[A-Za-z0-9]{36}");

    public SecretInEnvArg() {
        super(
                "secret-in-env-arg",
                Severity.ERROR,
                "ENV and ARG carry no secrets (they persist in the image config and history).");
    }

    @Override
    public void check(RuleContext context) {
        char escape = context.dockerfile().escape();
        for (Instruction i : context.dockerfile().instructions()) {
            if (!i.is("ENV") && !i.is("ARG")) {
                continue;
            }
            for (Map.Entry<String, String> e : pairs(i, escape).entrySet()) {
                String name = e.getKey();
                String value = e.getValue();
                if (value != null && SECRET_VALUE.matcher(value).find()) {
                    context.report(
                            i,
                            i.keyword() + " " + name + " has a value that looks like a key or token: "
                                    + "remove it and pass it at run time or with a build secret (RUN --mount=type=secret)");
                } else if (NAME.matcher(name).find()
                        && !HARMLESS_NAME.matcher(name).matches()) {
                    context.report(
                            i,
                            i.keyword() + " " + name + " looks like a secret: " + i.keyword()
                                    + " values persist in the image; use a build secret or a run-time variable");
                }
            }
        }
    }

    private static Map<String, String> pairs(Instruction i, char escape) {
        Map<String, String> out = new LinkedHashMap<>();
        List<String> words = ShellWords.split(i.arguments(), escape);
        if (words.isEmpty()) {
            return out;
        }
        if (i.is("ENV") && !words.get(0).contains("=")) {
            out.put(words.get(0), String.join(" ", words.subList(1, words.size())));
            return out;
        }
        for (String w : words) {
            int eq = w.indexOf('=');
            out.put(eq < 0 ? w : w.substring(0, eq), eq < 0 ? null : w.substring(eq + 1));
        }
        return out;
    }
}
