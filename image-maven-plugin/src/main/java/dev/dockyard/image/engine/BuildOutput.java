package dev.dockyard.image.engine;

/**
 * The step output of one classic build, as the engine streams it in pieces: logged one line per line, and read for
 * why a step failed. A template that stops a step on purpose says why in its last line, starting with
 * {@code [dockyard] } (a builder image that lacks a tool the image needs, say); that line, not the engine's {@code
 * The command '/bin/sh -c …' returned a non-zero code} with the whole script in it, is the failure's reason.
 */
final class BuildOutput {

    /** How a template's own lines start. */
    static final String TEMPLATE_LINE = "[dockyard] ";

    private final EngineLog log;
    private final StringBuilder partial = new StringBuilder();
    /** The last line the running step printed itself; {@code null} before its first. */
    private String lastOfStep;

    BuildOutput(EngineLog log) {
        this.log = log;
    }

    /** A piece of the stream: complete lines are logged, the rest waits for its line break. */
    synchronized void append(String piece) {
        partial.append(piece);
        int newline;
        while ((newline = partial.indexOf("\n")) >= 0) {
            String line = partial.substring(0, newline).stripTrailing();
            partial.delete(0, newline + 1);
            line(line);
        }
    }

    /** Logs what is left of an unfinished line. */
    synchronized void flush() {
        String rest = partial.toString().strip();
        partial.setLength(0);
        if (!rest.isEmpty()) {
            line(rest);
        }
    }

    /**
     * The message of a failed build: the failing step's last line when a template printed it, else what the engine
     * said ({@code engineError}, may be {@code null}).
     */
    synchronized String failure(String engineError) {
        String reason = lastOfStep != null && lastOfStep.startsWith(TEMPLATE_LINE)
                ? lastOfStep.substring(TEMPLATE_LINE.length()).strip()
                : engineError == null ? "" : engineError.strip();
        return "The image build failed: " + reason;
    }

    private void line(String line) {
        if (line.isBlank()) {
            return;
        }
        log.info(line);
        if (line.startsWith("Step ")) {
            lastOfStep = null;
        } else if (!line.startsWith(" ---> ") && !line.startsWith("Removing intermediate container ")) {
            // the engine's own lines around a step are not the step's output
            lastOfStep = line;
        }
    }
}
