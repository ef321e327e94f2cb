package dev.computestudio.ui.common;

/**
 * An object of the studio a screen can select: what a demo step talks about, or what a message is about.
 *
 * @param parent the cluster of a {@link Kind#NODE}; null otherwise
 */
public record ObjectRef(Kind kind, String name, String parent) {

    public enum Kind {
        CLUSTER, NODE, JOB, JOB_LOG, IDENTITY, QUOTA, LOCK
    }

    public static ObjectRef of(Kind kind, String name) {
        return new ObjectRef(kind, name, null);
    }

    /** The cluster this object is, or belongs to; null when it is not about a cluster. */
    public String cluster() {
        return switch (kind) {
            case CLUSTER -> name;
            case NODE -> parent;
            default -> null;
        };
    }
}
