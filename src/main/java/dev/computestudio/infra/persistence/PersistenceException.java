package dev.computestudio.infra.persistence;

/**
 * The database failed in a way the caller cannot fix by changing its request: it cannot be opened
 * or migrated, or a statement failed. Its message names the statement, never the values bound to
 * it, so that secrets such as an SSH password cannot reach a log through it.
 */
public final class PersistenceException extends RuntimeException {

    public PersistenceException(String message, Throwable cause) {
        super(message, cause);
    }
}
