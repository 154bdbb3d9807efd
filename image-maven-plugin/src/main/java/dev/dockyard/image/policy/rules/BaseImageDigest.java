package dev.dockyard.image.policy.rules;

import dev.dockyard.image.dockerfile.ImageRef;
import dev.dockyard.image.dockerfile.Stage;
import dev.dockyard.image.policy.Rule;
import dev.dockyard.image.policy.RuleContext;
import dev.dockyard.image.policy.Severity;

/** Base images are pinned by digest so a rebuild gets the same bytes (severity set by digestPinSeverity). */
public final class BaseImageDigest implements Rule {

    @Override
    public String id() {
        return "base-image-digest";
    }

    @Override
    public Severity defaultSeverity() {
        return Severity.INFO;
    }

    @Override
    public String description() {
        return "Base images are pinned by digest (image:tag@sha256:...).";
    }

    @Override
    public void check(RuleContext context) {
        for (Stage s : context.stages()) {
            ImageRef ref = s.baseImage();
            if (ref != null && !ref.isScratch() && ref.digest() == null) {
                context.report(s.from(), "base image '" + s.baseName() + "' is not pinned by digest: append "
                        + "@sha256:<digest> so rebuilds use the same image");
            }
        }
    }
}
