package dev.computestudio.service;

import dev.computestudio.domain.Message;

import java.util.Objects;

/**
 * The engine's own word on why a cluster's queued jobs still wait, as it noted it: {@code code} is
 * a {@link dev.computestudio.domain.ClusterError} code (ScopeLocked, QuotaExceeded, ...) or a
 * {@link dev.computestudio.domain.ScaleDecisions} decision (SCALE_UP, AT_MAX_NODES, ...), and
 * {@code text} the engine's explanation, by code.
 */
public record WaitingNote(String code, Message text) {

    public WaitingNote {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(text, "text");
    }
}
