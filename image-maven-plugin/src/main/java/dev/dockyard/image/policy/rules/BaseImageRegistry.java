package dev.dockyard.image.policy.rules;

import java.util.List;

import dev.dockyard.image.dockerfile.ImageRef;
import dev.dockyard.image.dockerfile.Stage;
import dev.dockyard.image.policy.Rule;
import dev.dockyard.image.policy.RuleContext;
import dev.dockyard.image.policy.Severity;

/** Base images come from the configured allowed registries (hadolint DL3026); off when none are configured. */
public final class BaseImageRegistry implements Rule {

    @Override
    public String id() {
        return "base-image-registry";
    }

    @Override
    public Severity defaultSeverity() {
        return Severity.ERROR;
    }

    @Override
    public String description() {
        return "Base images come from an allowed registry (when allowedRegistries is configured).";
    }

    @Override
    public List<String> hadolintCodes() {
        return List.of("DL3026");
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
                context.report(s.from(), "base image '" + s.baseName() + "' comes from registry '" + ref.registry()
                        + "', not one of the allowed registries " + allowed);
            }
        }
    }

    private static boolean allowed(List<String> allowed, String registry) {
        for (String a : allowed) {
            if (a.equals(registry) || a.startsWith("*.") && registry.endsWith(a.substring(1))
                    || a.equals("docker.io") && registry.equals("index.docker.io")) {
                return true;
            }
        }
        return false;
    }
}
