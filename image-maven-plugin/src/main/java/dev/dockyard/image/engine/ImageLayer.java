package dev.dockyard.image.engine;

/**
 * One entry of the image's history: a layer (or an empty, metadata-only step).
 *
 * @param id        the history entry's image id, or {@code <missing>} for steps of base images built elsewhere
 * @param size      bytes the step added
 * @param createdBy the instruction that made it, as the engine records it (e.g. {@code COPY file:... in /app})
 * @param created   when, in seconds since the epoch
 */
public record ImageLayer(String id, long size, String createdBy, long created) {

    /**
     * The instruction, shorter: the classic builder's {@code /bin/sh -c #(nop) } prefix removed and {@code RUN}
     * added to shell steps.
     */
    public String instruction() {
        String text = createdBy == null ? "" : createdBy.strip();
        if (text.startsWith("/bin/sh -c #(nop)")) {
            return text.substring("/bin/sh -c #(nop)".length()).strip();
        }
        if (text.startsWith("/bin/sh -c ")) {
            return "RUN " + text.substring("/bin/sh -c ".length()).strip();
        }
        return text;
    }
}
