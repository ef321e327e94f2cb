package dev.computestudio.domain;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The moves a node may make, as the domain's table allows them and {@link Node#withState} enforces them. */
class NodeStateTest {

    private static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");

    private static Node node(NodeState state) {
        return new Node("tvm-1_1", "ws1", "cpu", state, null, 0, null, T0, T0, null, null);
    }

    private static List<NodeState> movesFrom(NodeState from) {
        return Arrays.stream(NodeState.values()).filter(to -> to != from && from.canMoveTo(to)).toList();
    }

    @Test
    void aNodeComesUpRunsJobsAndLeavesThroughLeaving() {
        Node gone = node(NodeState.PREPARING)
                .withState(NodeState.IDLE, T0.plusSeconds(1))
                .withState(NodeState.RUNNING, T0.plusSeconds(2))
                .withState(NodeState.IDLE, T0.plusSeconds(3))
                .withState(NodeState.LEAVING, T0.plusSeconds(4))
                .withState(NodeState.GONE, T0.plusSeconds(4));

        assertThat(gone.state()).isEqualTo(NodeState.GONE);
        assertThat(gone.stateSince()).isEqualTo(T0.plusSeconds(4));
    }

    @Test
    void theTableAllowsTheseMovesAndNoOthers() {
        assertThat(movesFrom(NodeState.PREPARING)).containsExactly(NodeState.IDLE, NodeState.LEAVING,
                NodeState.UNUSABLE);
        assertThat(movesFrom(NodeState.IDLE)).containsExactly(NodeState.RUNNING, NodeState.LEAVING,
                NodeState.PREEMPTED, NodeState.UNUSABLE);
        assertThat(movesFrom(NodeState.RUNNING)).containsExactly(NodeState.IDLE, NodeState.LEAVING,
                NodeState.PREEMPTED, NodeState.UNUSABLE);
        assertThat(movesFrom(NodeState.PREEMPTED)).containsExactly(NodeState.LEAVING);
        assertThat(movesFrom(NodeState.UNUSABLE)).containsExactly(NodeState.LEAVING);
        assertThat(movesFrom(NodeState.LEAVING)).containsExactly(NodeState.GONE);
        assertThat(movesFrom(NodeState.GONE)).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(NodeState.class)
    void stayingInAStateIsNoMoveSoANodeCanDropItsJobInIt(NodeState state) {
        Node running = node(state).withJob("job-a", "4242@1");

        Node freed = running.withJob(null, null).withState(state, T0.plusSeconds(5));

        assertThat(freed.state()).isEqualTo(state);
        assertThat(freed.currentJob()).isNull();
    }

    @Test
    void anIllegalMoveIsRefusedNamingTheNodeAndBothStates() {
        assertThatThrownBy(() -> node(NodeState.PREPARING).withState(NodeState.RUNNING, T0))
                .isInstanceOf(IllegalTransitionException.class)
                .hasMessage("node tvm-1_1 cannot move from PREPARING to RUNNING");
        assertThatThrownBy(() -> node(NodeState.IDLE).withState(NodeState.GONE, T0))
                .as("a node leaves through LEAVING").isInstanceOf(IllegalTransitionException.class);
        assertThatThrownBy(() -> node(NodeState.PREEMPTED).withState(NodeState.UNUSABLE, T0))
                .isInstanceOf(IllegalTransitionException.class);
    }

    @ParameterizedTest
    @EnumSource(value = NodeState.class, names = "GONE", mode = EnumSource.Mode.EXCLUDE)
    void noNodeComesBackOnceGone(NodeState state) {
        assertThatThrownBy(() -> node(NodeState.GONE).withState(state, T0))
                .isInstanceOf(IllegalTransitionException.class);
    }

    @Test
    void nothingMovesBackToPreparing() {
        assertThat(NodeState.values()).filteredOn(from -> from != NodeState.PREPARING)
                .noneMatch(from -> from.canMoveTo(NodeState.PREPARING));
    }
}
