package dev.computestudio.domain;

import java.util.Objects;

/**
 * A request that clashes with the current state: a taken name, a lock, a second attachment. It
 * names the field the clash is about (e.g. {@code name} for a taken name) and explains it by code.
 */
public final class ConflictException extends RuntimeException {

    private final String field;
    private final transient Message text;

    public ConflictException(String field, Message text) {
        super(text.english());
        this.field = Objects.requireNonNull(field, "field");
        this.text = text;
    }

    /** The field the clash is about; empty when it is about the request as a whole. */
    public String field() {
        return field;
    }

    public String code() {
        return text.code();
    }

    public Message text() {
        return text;
    }
}
