package dev.computestudio.domain;

import java.util.Collection;

/** The cloud's nodeStateCounts of a cluster. */
public record NodeStateCounts(int idle, int running, int preparing, int unusable, int leaving, int preempted) {

    public static final NodeStateCounts ZERO = new NodeStateCounts(0, 0, 0, 0, 0, 0);

    public static NodeStateCounts of(Collection<NodeState> states) {
        int idle = 0;
        int running = 0;
        int preparing = 0;
        int unusable = 0;
        int leaving = 0;
        int preempted = 0;
        for (NodeState state : states) {
            switch (state) {
                case IDLE -> idle++;
                case RUNNING -> running++;
                case PREPARING -> preparing++;
                case UNUSABLE -> unusable++;
                case LEAVING -> leaving++;
                case PREEMPTED -> preempted++;
                case GONE -> { }
            }
        }
        return new NodeStateCounts(idle, running, preparing, unusable, leaving, preempted);
    }

    public int total() {
        return idle + running + preparing + unusable + leaving + preempted;
    }
}
