package dev.computestudio.domain;

/** A state change the transition table does not allow, e.g. a completed job going back to running. */
public final class IllegalTransitionException extends RuntimeException {

    public IllegalTransitionException(String what, Enum<?> from, Enum<?> to) {
        super(what + " cannot move from " + from + " to " + to);
    }
}
