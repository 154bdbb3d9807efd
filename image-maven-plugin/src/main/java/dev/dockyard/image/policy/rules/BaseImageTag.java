package dev.dockyard.image.policy.rules;

import dev.dockyard.image.dockerfile.ImageRef;
import dev.dockyard.image.dockerfile.Stage;
import dev.dockyard.image.policy.RuleContext;
import dev.dockyard.image.policy.Severity;
import dev.dockyard.image.policy.rulekit.BaseRule;

/** Base images name an explicit version tag, not {@code latest} or nothing (hadolint DL3006, DL3007). */
public final class BaseImageTag extends BaseRule {

    public BaseImageTag() {
        super(
                "base-image-tag",
                Severity.WARNING,
                "Base images have an explicit version tag, not latest.",
                "DL3006",
                "DL3007");
    }

    @Override
    public void check(RuleContext context) {
        for (Stage s : context.stages()) {
            ImageRef ref = s.baseImage();
            if (ref == null || ref.isScratch() || ref.digest() != null && ref.tag() == null) {
                continue;
            }
            if (ref.tag() == null) {
                context.report(
                        s.from(),
                        "base image '" + s.baseName() + "' has no tag (means latest): pin a " + "version tag, e.g. "
                                + s.baseName() + ":<version>");
            } else if (ref.tag().equals("latest")) {
                context.report(s.from(), "base image '" + s.baseName() + "' uses the latest tag: pin a version tag");
            }
        }
    }
}
