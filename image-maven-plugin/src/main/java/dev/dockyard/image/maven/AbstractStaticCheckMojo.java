package dev.dockyard.image.maven;

import java.util.ArrayList;
import java.util.List;

import org.apache.maven.plugins.annotations.Parameter;

import dev.dockyard.image.support.ByteSize;
import dev.dockyard.image.settings.ServiceSettings;

/** Goals that apply the static image checks ({@code image:verify}, {@code image:check}): their shared parameters. */
abstract class AbstractStaticCheckMojo extends AbstractContainerMojo {

    /**
     * Size budget of the whole image, in decimal units as {@code docker images} shows them ({@code 150MB}), or
     * binary ones ({@code 140MiB}).
     *
     * @since 0.1.0
     */
    @Parameter(property = "image.maxImageSize", defaultValue = "150MB")
    private String maxImageSize;

    /**
     * Labels the image must carry. On the command line, comma-separated.
     *
     * @since 0.1.0
     */
    @Parameter(property = "image.requiredLabels",
            defaultValue = "org.opencontainers.image.title,org.opencontainers.image.version")
    private List<String> requiredLabels = new ArrayList<>();

    /** {@code image.maxImageSize} in bytes; a value that does not parse is added to {@code problems}. */
    long maxImageSize(List<String> problems) {
        try {
            return ByteSize.parse(maxImageSize);
        } catch (IllegalArgumentException e) {
            problems.add("image.maxImageSize: " + e.getMessage());
            return 0;
        }
    }

    List<String> requiredLabels() {
        return ServiceSettings.trimmed(requiredLabels);
    }

    /** {@code image.port}, then the other {@code image.ports}. */
    List<Integer> allPorts() {
        return ServiceSettings.ports(port, ports);
    }
}
