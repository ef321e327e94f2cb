package dev.computestudio.domain;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Node ids in the cloud's style, e.g. {@code tvm-3601533753_1-20170719t162906z}: a pool number,
 * the node's sequence in its cluster, and the time it was created.
 */
public final class NodeIds {

    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);

    private NodeIds() {
    }

    /**
     * The pool number of a cluster, ten digits: stable for a subscription, workspace and cluster,
     * and different between installations, so that node ids (and the containers named after them)
     * do not collide when two data folders use the same names.
     */
    public static long poolNumber(Workspace workspace, String cluster) {
        long hash = Integer.toUnsignedLong((workspace.subscriptionId() + "/" + workspace.name() + "/" + cluster)
                .hashCode());
        return 1_000_000_000L + hash % 9_000_000_000L;
    }

    public static String newId(Workspace workspace, String cluster, int sequence, Instant createdAt) {
        return "tvm-" + poolNumber(workspace, cluster) + "_" + sequence + "-"
                + STAMP.format(createdAt).toLowerCase(Locale.ROOT);
    }
}
