package dev.computestudio.demo;

/** A scenario file that cannot be read, or a step that cannot run as written. */
public final class ScenarioException extends RuntimeException {

    public ScenarioException(String message) {
        super(message);
    }

    public ScenarioException(String message, Throwable cause) {
        super(message, cause);
    }
}
