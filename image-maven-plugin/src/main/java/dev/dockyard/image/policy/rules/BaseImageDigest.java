package dev.dockyard.image.policy.rules;

import dev.dockyard.image.dockerfile.ImageRef;
import dev.dockyard.image.dockerfile.Stage;
import dev.dockyard.image.policy.RuleContext;
import dev.dockyard.image.policy.Severity;
import dev.dockyard.image.policy.rulekit.BaseRule;

/** Base images are pinned by digest so a rebuild gets the same bytes (severity set by digestPinSeverity). */
public final class BaseImageDigest extends BaseRule {

    public BaseImageDigest() {
        super("base-image-digest", Severity.INFO, "Base images are pinned by digest (image:tag@sha256:...).");
    }

    @Override
    public void check(RuleContext context) {
        for (Stage s : context.stages()) {
            ImageRef ref = s.baseImage();
            if (ref != null && !ref.isScratch() && ref.digest() == null) {
                context.report(
                        s.from(),
                        "base image '" + s.baseName() + "' is not pinned by digest: append "
                                + "@sha256:<digest> so rebuilds use the same image");
            }
        }
    }
}
