package dev.dockyard.image.engine;

import java.util.regex.Pattern;

/**
 * One entry of the image's history: a layer (or an empty, metadata-only step).
 *
 * @param id        the history entry's image id, or {@code <missing>} for steps of base images built elsewhere
 * @param size      bytes the step added
 * @param createdBy the instruction that made it, as the engine records it (e.g. {@code COPY file:... in /app})
 * @param created   when, in seconds since the epoch
 * @param comment   the entry's comment (e.g. how an imported base layer was made), may be empty
 */
public record ImageLayer(String id, long size, String createdBy, long created, String comment) {

    private static final Pattern CONTENT_HASH = Pattern.compile("\\s*(file|dir|multi):[0-9a-f]{64} in ");

    /**
     * The instruction, readable: the classic builder's {@code /bin/sh -c #(nop)} prefix removed, {@code RUN} added
     * to shell steps, content hashes of {@code COPY} sources dropped ({@code COPY --chown=1:1 dir to /app/}); a
     * layer imported without an instruction is named by its comment.
     */
    public String instruction() {
        String text = createdBy == null ? "" : createdBy.strip();
        if (text.isEmpty()) {
            return comment == null || comment.isBlank() ? "(base image layer)" : "(base image layer: "
                    + comment.strip() + ")";
        }
        if (text.startsWith("/bin/sh -c #(nop)")) {
            text = text.substring("/bin/sh -c #(nop)".length()).strip();
        } else if (text.startsWith("/bin/sh -c ")) {
            text = "RUN " + text.substring("/bin/sh -c ".length()).strip();
        }
        return CONTENT_HASH.matcher(text).replaceAll(" $1 to ");
    }
}
