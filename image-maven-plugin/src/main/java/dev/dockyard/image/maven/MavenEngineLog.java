package dev.dockyard.image.maven;

import dev.dockyard.image.engine.EngineLog;
import java.util.function.UnaryOperator;
import org.apache.maven.plugin.logging.Log;

/** The engine's progress lines, written to Maven's log with the parameters they name written as the goal's properties. */
final class MavenEngineLog implements EngineLog {

    private final Log log;
    private final UnaryOperator<String> text;

    /** @param text writes the parameters a line names as the goal's properties ({@link AbstractImageMojo#text}) */
    MavenEngineLog(Log log, UnaryOperator<String> text) {
        this.log = log;
        this.text = text;
    }

    @Override
    public void log(Level level, String line) {
        switch (level) {
            case DEBUG -> log.debug(text.apply(line));
            case INFO -> log.info(text.apply(line));
            case WARN -> log.warn(text.apply(line));
            case ERROR -> log.error(text.apply(line));
        }
    }
}
