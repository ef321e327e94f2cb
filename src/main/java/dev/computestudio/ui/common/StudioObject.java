package dev.computestudio.ui.common;

import java.util.Objects;

/** A thing of the studio, by name, that a notice is about and the studio can go to: a cluster or a job. */
public record StudioObject(Kind kind, String workspace, String name) {

    public enum Kind { CLUSTER, JOB }

    public StudioObject {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(workspace, "workspace");
        Objects.requireNonNull(name, "name");
    }

    public static StudioObject cluster(String workspace, String name) {
        return new StudioObject(Kind.CLUSTER, workspace, name);
    }

    public static StudioObject job(String workspace, String name) {
        return new StudioObject(Kind.JOB, workspace, name);
    }
}
