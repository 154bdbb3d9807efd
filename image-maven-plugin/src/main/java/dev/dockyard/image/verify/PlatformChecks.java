package dev.dockyard.image.verify;

import static dev.dockyard.image.support.CoreException.mention;

import dev.dockyard.image.assemble.AssembledImage;
import dev.dockyard.image.assemble.PlatformImages;
import dev.dockyard.image.engine.Engine;
import dev.dockyard.image.engine.EngineException;
import dev.dockyard.image.support.UserFixableException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What {@code image:verify} does with each platform's image of a multi-platform build ({@code image.platforms}): every
 * image gets the static checks; the live checks run for the platforms {@code verifyPlatforms} names (by default the
 * engine's own), another platform's under emulation with {@link #EMULATION_FACTOR} times the health and stop
 * timeouts. The engine's own image is the one {@code image:build} tagged there; another platform's is loaded untagged
 * for its check and removed again ({@link #load}).
 */
public final class PlatformChecks {

    /** How much longer another platform's image may take under emulation to become healthy and to stop. */
    public static final int EMULATION_FACTOR = 10;

    private PlatformChecks() {}

    /**
     * One platform's image and its checks.
     *
     * @param platform {@code os/arch}
     * @param image    the image the build assembled for it
     * @param live     whether it gets the live checks, else the static ones only
     * @param factor   how many times the configured health and stop timeouts its live checks get
     * @param tagged   whether it is the image {@code image:build} tagged in the engine, else loaded for the check
     * @param report   its HTML report's file name
     */
    public record Planned(
            String platform, AssembledImage image, boolean live, int factor, boolean tagged, String report) {

        /** @return the platform for the names of its reports, {@code null} for the engine's tagged image */
        public String reportPlatform() {
            return tagged ? null : platform;
        }
    }

    /**
     * The checks of every platform's image, in the order the build names them.
     *
     * @param images         what {@code image:build} assembled per platform
     * @param live           the platforms {@code verifyPlatforms} names; empty for the engine's own
     * @param enginePlatform the engine's platform ({@code linux/amd64})
     * @param builtId        the id of the image {@code image:build} tagged in the engine
     * @throws UserFixableException when {@code live} names a platform the build did not build, or an image whose
     *     base's layers only its registry has
     */
    public static List<Planned> plan(PlatformImages images, List<String> live, String enginePlatform, String builtId)
            throws UserFixableException {
        List<String> unknown =
                live.stream().filter(p -> !images.images().containsKey(p)).toList();
        if (!unknown.isEmpty()) {
            throw new UserFixableException(
                            "image:build built no image for " + String.join(", ", unknown) + "; it built for "
                                    + String.join(", ", images.images().keySet()) + " (" + mention("platforms")
                                    + ").")
                    .in("verifyPlatforms");
        }
        List<Planned> planned = new ArrayList<>();
        for (Map.Entry<String, AssembledImage> entry : images.images().entrySet()) {
            String platform = entry.getKey();
            AssembledImage image = entry.getValue();
            boolean own = platform.equals(enginePlatform);
            boolean runs = live.isEmpty() ? own : live.contains(platform);
            boolean tagged = own && image.id().equals(builtId);
            if (!tagged && !image.whole()) {
                throw new UserFixableException("The " + platform + " image builds on " + image.base() + ", whose "
                        + platform + " layers only its registry has: image:verify checks the images Dockyard wrote"
                        + " every layer of (the template java-service, on scratch). Leave " + platform + " out of "
                        + mention("verifyPlatforms") + ", or verify it on a " + platform + " engine.");
            }
            planned.add(new Planned(
                    platform,
                    image,
                    runs,
                    own ? 1 : EMULATION_FACTOR,
                    tagged,
                    VerificationReports.htmlName(tagged ? null : platform)));
        }
        return planned;
    }

    /** The refusal of {@code verifyPlatforms} after a build of one image, for the engine's platform. */
    public static UserFixableException singlePlatform(List<String> live) {
        return new UserFixableException("it names " + String.join(", ", live) + ", and image:build built one image,"
                        + " for the engine's platform: build for them with " + mention("platforms") + "="
                        + String.join(",", live) + ".")
                .in("verifyPlatforms");
    }

    /** The platforms' entries of the HTML reports' Platforms table. */
    public static List<VerificationReports.PlatformImage> listed(List<Planned> planned) throws IOException {
        List<VerificationReports.PlatformImage> listed = new ArrayList<>();
        for (Planned p : planned) {
            listed.add(new VerificationReports.PlatformImage(
                    p.platform(), p.image().details(List.of()).size(), p.report()));
        }
        return listed;
    }

    /** Another platform's image, loaded into the engine untagged for its check: {@link #close()} removes it again. */
    public static final class Loaded implements AutoCloseable {

        private final Engine engine;
        private final String id;

        private Loaded(Engine engine, String id) {
            this.engine = engine;
            this.id = id;
        }

        /** @return the image's id in the engine */
        public String id() {
            return id;
        }

        @Override
        public void close() {
            engine.pruneReplaced(id, null);
        }
    }

    /** Loads {@code image} into {@code engine} untagged, for a check; {@code scratch} holds the files it loads. */
    public static Loaded load(Engine engine, AssembledImage image, Path scratch) throws EngineException, IOException {
        return new Loaded(engine, image.loadUntagged(engine, scratch));
    }
}
