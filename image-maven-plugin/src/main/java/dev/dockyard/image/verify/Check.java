package dev.dockyard.image.verify;

import java.time.Duration;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The verdict of one verification check.
 *
 * @param name    short id, e.g. {@code size}, {@code healthy}
 * @param status  pass, fail or skipped
 * @param message one line saying what was found (and, on failure, what to do)
 * @param time    how long the check took
 * @param output  more lines shown with a failure (e.g. the container's last log lines)
 */
public record Check(String name, Status status, String message, Duration time, List<String> output) {

    /** Verdicts. */
    public enum Status {
        PASS,
        FAIL,
        SKIPPED
    }

    public Check {
        output = List.copyOf(output);
    }

    public static Check pass(String name, String message, Duration time) {
        return new Check(name, Status.PASS, message, time, List.of());
    }

    public static Check fail(String name, String message, Duration time) {
        return fail(name, message, time, List.of());
    }

    public static Check fail(String name, String message, Duration time, List<String> output) {
        return new Check(name, Status.FAIL, message, time, output);
    }

    public static Check skipped(String name, String message) {
        return new Check(name, Status.SKIPPED, message, Duration.ZERO, List.of());
    }

    /** This check with its message written by {@code text}. */
    public Check map(UnaryOperator<String> text) {
        return new Check(name, status, text.apply(message), time, output);
    }

    public boolean failed() {
        return status == Status.FAIL;
    }

    /** The console line: {@code PASS size: image size 82.3 MB is within ...}. */
    public String line() {
        return status + " " + name + ": " + message;
    }
}
