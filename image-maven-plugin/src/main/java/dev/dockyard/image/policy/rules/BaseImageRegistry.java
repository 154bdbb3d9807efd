package dev.dockyard.image.policy.rules;

import dev.dockyard.image.dockerfile.ImageRef;
import dev.dockyard.image.dockerfile.Stage;
import dev.dockyard.image.policy.RuleContext;
import dev.dockyard.image.policy.Severity;
import dev.dockyard.image.policy.rulekit.BaseRule;
import java.util.List;

/** Base images come from the configured allowed registries (hadolint DL3026); off when none are configured. */
public final class BaseImageRegistry extends BaseRule {

    public BaseImageRegistry() {
        super(
                "base-image-registry",
                Severity.ERROR,
                "Base images come from an allowed registry (when allowedRegistries is configured).",
                "DL3026");
    }

    @Override
    public void check(RuleContext context) {
        List<String> allowed = context.settings().allowedRegistries();
        if (allowed.isEmpty()) {
            return;
        }
        for (Stage s : context.stages()) {
            ImageRef ref = s.baseImage();
            if (ref != null && !ref.isScratch() && !allowed(allowed, ref.registry())) {
                context.report(
                        s.from(),
                        "base image '" + s.baseName() + "' comes from registry '" + ref.registry()
                                + "', not one of the allowed registries " + allowed);
            }
        }
    }

    private static boolean allowed(List<String> allowed, String registry) {
        for (String a : allowed) {
            if (a.equals(registry)
                    || a.startsWith("*.") && registry.endsWith(a.substring(1))
                    || a.equals("docker.io") && registry.equals("index.docker.io")) {
                return true;
            }
        }
        return false;
    }
}
