package dev.computestudio.service.timeline;

import dev.computestudio.domain.NodeState;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/** The current and target node counts over a window, derived from the rows' segments. */
public final class CountStrip {

    private static final Set<NodeState> TARGET = Set.of(NodeState.PREPARING, NodeState.IDLE, NodeState.RUNNING);
    /**
     * A change is packed in one long: nanoseconds since the window start (enough for 36 years), then
     * 4 bits for the two deltas, so that sorting the changes is a sort of plain longs.
     */
    private static final int DELTA_BITS = 4;

    private CountStrip() {
    }

    /** Steps from {@code from} to {@code end}: the first at {@code from}, then one per change. */
    public static List<CountStep> steps(List<NodeRow> rows, Instant from, Instant end) {
        long endNanos = nanosSince(from, end);
        long[] changes = new long[16];
        int count = 0;
        for (NodeRow row : rows) {
            for (Segment segment : row.segments()) {
                if (!segment.state().isPresent()) {
                    continue;
                }
                long start = Math.max(0, nanosSince(from, segment.start()));
                long stop = segment.end() == null ? endNanos : Math.min(endNanos, nanosSince(from, segment.end()));
                if (stop <= start) {
                    continue;
                }
                int target = TARGET.contains(segment.state()) ? 1 : 0;
                if (count + 2 > changes.length) {
                    changes = Arrays.copyOf(changes, changes.length * 2);
                }
                changes[count++] = pack(start, 1, target);
                if (segment.end() != null && !segment.end().isAfter(end)) {
                    changes[count++] = pack(stop, -1, -target);
                }
            }
        }
        // Sorting primitive longs sorts by time (the deltas only break ties, which are summed anyway).
        Arrays.sort(changes, 0, count);
        List<CountStep> steps = new ArrayList<>();
        steps.add(new CountStep(from, 0, 0));
        int current = 0;
        int target = 0;
        for (int i = 0; i < count; ) {
            long at = changes[i] >>> DELTA_BITS;
            for (; i < count && changes[i] >>> DELTA_BITS == at; i++) {
                int code = (int) (changes[i] & ((1 << DELTA_BITS) - 1));
                current += code / 3 - 1;
                target += code % 3 - 1;
            }
            CountStep last = steps.get(steps.size() - 1);
            if (at == 0) {
                steps.set(0, new CountStep(from, current, target));
            } else if (last.current() != current || last.target() != target) {
                steps.add(new CountStep(from.plusNanos(at), current, target));
            }
        }
        return steps;
    }

    private static long pack(long nanos, int current, int target) {
        return nanos << DELTA_BITS | (long) ((current + 1) * 3 + target + 1);
    }

    private static long nanosSince(Instant from, Instant at) {
        // Whole seconds and nanos apart, so that no Duration is made per segment.
        return (at.getEpochSecond() - from.getEpochSecond()) * 1_000_000_000L + at.getNano() - from.getNano();
    }
}
