package dev.computestudio.service.timeline;

import java.time.Instant;

/**
 * The cluster's node counts from {@code at} until the next step: {@code current} counts every
 * node that has not gone (preempted, unusable and leaving ones too), {@code target} the nodes the
 * cluster aims to keep (preparing, idle, running), as the engine computes currentNodeCount and
 * targetNodeCount at the end of each pass.
 */
public record CountStep(Instant at, int current, int target) {
}
