package dev.dockyard.image.maven;

import dev.dockyard.image.engine.EngineLog;
import org.apache.maven.plugin.logging.Log;

/** The engine's progress lines, written to Maven's log. */
final class MavenEngineLog implements EngineLog {

    private final Log log;

    MavenEngineLog(Log log) {
        this.log = log;
    }

    @Override
    public void log(Level level, String line) {
        switch (level) {
            case DEBUG -> log.debug(line);
            case INFO -> log.info(line);
            case WARN -> log.warn(line);
            case ERROR -> log.error(line);
        }
    }
}
