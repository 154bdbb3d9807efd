package dev.dockyard.image.engine;

import java.util.ArrayList;
import java.util.List;

/** An {@link EngineLog} for tests: keeps the info, warn and error lines as {@code "LEVEL message"}, drops debug. */
public final class RecordingLog implements EngineLog {

    private final List<String> lines = new ArrayList<>();

    /** The lines logged so far, in order (a live view). */
    public List<String> lines() {
        return lines;
    }

    @Override
    public void info(String line) {
        lines.add("INFO " + line);
    }

    @Override
    public void warn(String line) {
        lines.add("WARN " + line);
    }

    @Override
    public void error(String line) {
        lines.add("ERROR " + line);
    }

    @Override
    public void debug(String line) {}
}
