package dev.dockyard.image.verify;

import dev.dockyard.image.model.ImageDetails;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The verdicts of {@link ImageVerifier} on one image.
 *
 * @param image  the image as inspected
 * @param checks the checks, in the order they ran
 */
public record Verification(ImageDetails image, List<Check> checks) {

    /** This verification with each check's message written by {@code text}, e.g. the parameters it names. */
    public Verification map(UnaryOperator<String> text) {
        return new Verification(
                image, checks.stream().map(check -> check.map(text)).toList());
    }

    public List<Check> failures() {
        return checks.stream().filter(Check::failed).toList();
    }
}
