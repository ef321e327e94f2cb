package dev.computestudio.service;

/**
 * New output of a job since an offset. {@code attempt} tells which attempt's log it is: when a
 * job restarts, the reader starts over at offset 0 of the new attempt.
 */
public record LogChunk(int attempt, String text, long nextOffset) {
}
