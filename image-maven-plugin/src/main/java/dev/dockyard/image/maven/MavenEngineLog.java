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
    public void info(String line) {
        log.info(line);
    }

    @Override
    public void warn(String line) {
        log.warn(line);
    }

    @Override
    public void error(String line) {
        log.error(line);
    }

    @Override
    public void debug(String line) {
        log.debug(line);
    }
}
