package dev.computestudio.domain;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class NodeIdsTest {

    private static Workspace workspace(String subscription) {
        return new Workspace("ws1", "eastus", subscription, "rg-ws1", Instant.EPOCH);
    }

    @Test
    void idsLookLikeTheClouds() {
        String id = NodeIds.newId(workspace("00000000-0000-0000-0000-000000000001"), "cpu", 1,
                Instant.parse("2017-07-19T16:29:06Z"));

        assertThat(id).matches("tvm-\\d{10}_1-20170719t162906z");
    }

    @Test
    void theSameClusterKeepsItsPoolNumberAndOtherClustersAndInstallationsDiffer() {
        Workspace mine = workspace("00000000-0000-0000-0000-000000000001");
        Workspace another = workspace("00000000-0000-0000-0000-000000000002");

        assertThat(NodeIds.poolNumber(mine, "cpu")).isEqualTo(NodeIds.poolNumber(mine, "cpu"));
        assertThat(NodeIds.poolNumber(mine, "cpu")).isNotEqualTo(NodeIds.poolNumber(mine, "gpu"));
        assertThat(NodeIds.poolNumber(mine, "cpu")).isNotEqualTo(NodeIds.poolNumber(another, "cpu"));
    }

    @Test
    void nodeStateCountsCountOnlyPresentNodes() {
        NodeStateCounts counts = NodeStateCounts.of(java.util.List.of(NodeState.IDLE, NodeState.IDLE,
                NodeState.RUNNING, NodeState.GONE, NodeState.PREEMPTED));

        assertThat(counts).isEqualTo(new NodeStateCounts(2, 1, 0, 0, 0, 1));
        assertThat(counts.total()).isEqualTo(4);
    }
}
