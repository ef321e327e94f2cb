package dev.computestudio.ui.common;

import java.util.Objects;

/**
 * A thing of the studio, by name, that the studio can go to and select: what a notice is about,
 * or what a demo step talks about.
 *
 * @param cluster the cluster a node belongs to; for a cluster its own name; null otherwise
 */
public record StudioObject(Kind kind, String workspace, String name, String cluster) {

    public enum Kind { CLUSTER, NODE, JOB, IDENTITY, QUOTA, LOCK }

    public StudioObject {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(workspace, "workspace");
        Objects.requireNonNull(name, "name");
    }

    public static StudioObject cluster(String workspace, String name) {
        return new StudioObject(Kind.CLUSTER, workspace, name, name);
    }

    public static StudioObject node(String workspace, String cluster, String nodeId) {
        return new StudioObject(Kind.NODE, workspace, nodeId, cluster);
    }

    public static StudioObject job(String workspace, String name) {
        return new StudioObject(Kind.JOB, workspace, name, null);
    }

    /** An identity, a quota or a resource lock, things with no cluster. */
    public static StudioObject of(Kind kind, String workspace, String name) {
        return new StudioObject(kind, workspace, name, null);
    }
}
