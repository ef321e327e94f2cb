package dev.computestudio.domain;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class NodeIdsTest {

    @Test
    void idsLookLikeTheClouds() {
        String id = NodeIds.newId("ws1", "cpu", 1, Instant.parse("2017-07-19T16:29:06Z"));

        assertThat(id).matches("tvm-\\d{10}_1-20170719t162906z");
    }

    @Test
    void theSameClusterKeepsItsPoolNumberAndOthersDiffer() {
        assertThat(NodeIds.poolNumber("ws1", "cpu")).isEqualTo(NodeIds.poolNumber("ws1", "cpu"));
        assertThat(NodeIds.poolNumber("ws1", "cpu")).isNotEqualTo(NodeIds.poolNumber("ws1", "gpu"));
    }

    @Test
    void nodeStateCountsCountOnlyPresentNodes() {
        NodeStateCounts counts = NodeStateCounts.of(java.util.List.of(NodeState.IDLE, NodeState.IDLE,
                NodeState.RUNNING, NodeState.GONE, NodeState.PREEMPTED));

        assertThat(counts).isEqualTo(new NodeStateCounts(2, 1, 0, 0, 0, 1));
        assertThat(counts.total()).isEqualTo(4);
    }
}
