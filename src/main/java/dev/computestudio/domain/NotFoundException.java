package dev.computestudio.domain;

import java.util.Objects;

/** Something the user named does not exist. It names the field that named it and explains it by code. */
public final class NotFoundException extends RuntimeException {

    private final String field;
    private final transient Message text;

    public NotFoundException(String field, Message text) {
        super(text.english());
        this.field = Objects.requireNonNull(field, "field");
        this.text = text;
    }

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
