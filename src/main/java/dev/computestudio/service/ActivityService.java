package dev.computestudio.service;

import dev.computestudio.domain.LogEvent;
import dev.computestudio.domain.port.EventLog;

import java.util.List;
import java.util.Objects;

/**
 * What happens in the studio's engine as it happens: the tail of the event log, read by sequence
 * number, so a reader that remembers the last number it saw gets every later event exactly once.
 */
public final class ActivityService {

    private final EventLog events;

    public ActivityService(EventLog events) {
        this.events = Objects.requireNonNull(events, "events");
    }

    /** The newest event's sequence number (0 when nothing happened yet): start from it to skip the history. */
    public long latestSequence() {
        return events.latestSequence();
    }

    /** Up to {@code limit} events after {@code sequence}, oldest first. */
    public List<LogEvent> since(long sequence, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be 1 or more (it is " + limit + ")");
        }
        return events.after(sequence, limit);
    }
}
