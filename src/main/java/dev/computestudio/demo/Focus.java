package dev.computestudio.demo;

/**
 * What a step talks about, for a player to show it: the cluster a step waits on, the job it
 * submitted, the log a check reads, the node it preempted.
 *
 * @param cluster the node's cluster for a {@link Kind#NODE}; null otherwise
 */
public record Focus(Kind kind, String name, String cluster) {

    public enum Kind {
        CLUSTER, NODE, JOB, JOB_LOG, IDENTITY, QUOTA, LOCK
    }

    static Focus of(Kind kind, String name) {
        return new Focus(kind, name, null);
    }
}
