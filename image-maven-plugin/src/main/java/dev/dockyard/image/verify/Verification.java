package dev.dockyard.image.verify;

import dev.dockyard.image.model.ImageDetails;
import java.util.List;

/**
 * The verdicts of {@link ImageVerifier} on one image.
 *
 * @param image  the image as inspected
 * @param checks the checks, in the order they ran
 */
public record Verification(ImageDetails image, List<Check> checks) {

    public List<Check> failures() {
        return checks.stream().filter(Check::failed).toList();
    }
}
