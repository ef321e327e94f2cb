package dev.computestudio.domain;

/** A request that clashes with the current state: a taken name, a lock, a second attachment. */
public final class ConflictException extends RuntimeException {

    public ConflictException(String message) {
        super(message);
    }
}
