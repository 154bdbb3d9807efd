package dev.dockyard.image.engine;

import dev.dockyard.image.support.CoreException;
import java.util.ArrayList;
import java.util.List;

/** An {@link EngineLog} for tests: keeps the info, warn and error lines as {@code "LEVEL message"} (parameters as {@code <name>}), drops debug. */
public final class RecordingLog implements EngineLog {

    private final List<String> lines = new ArrayList<>();

    /** The lines logged so far, in order (a live view). */
    public List<String> lines() {
        return lines;
    }

    @Override
    public void log(Level level, String line) {
        if (level != Level.DEBUG) {
            lines.add(level + " " + CoreException.plain(line));
        }
    }
}
