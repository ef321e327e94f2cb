package dev.computestudio.demo;

/**
 * What a step talks about, for a player to select it: the cluster a step waits on, the job it
 * submitted or whose log a check reads, the node it preempted, the lock it placed or removes.
 *
 * @param cluster the node's cluster for a {@link Kind#NODE}; null otherwise
 */
public record Focus(Kind kind, String workspace, String name, String cluster) {

    public enum Kind {
        CLUSTER, NODE, JOB, IDENTITY, QUOTA, LOCK
    }
}
