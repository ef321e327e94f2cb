package dev.computestudio.domain;

/** Something the user named does not exist. The message names it. */
public final class NotFoundException extends RuntimeException {

    public NotFoundException(String kind, String name) {
        super(kind + " '" + name + "' was not found");
    }

    public NotFoundException(String message) {
        super(message);
    }
}
