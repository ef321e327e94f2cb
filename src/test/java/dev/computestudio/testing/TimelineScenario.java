package dev.computestudio.testing;

import dev.computestudio.domain.Node;

import java.time.Instant;
import java.util.List;

import static dev.computestudio.testing.StudioFixture.DS3;
import static dev.computestudio.testing.StudioFixture.T0;
import static dev.computestudio.testing.StudioFixture.WS;
import static dev.computestudio.testing.StudioFixture.lowPriority;

/**
 * A low-priority cluster that scales 0 -> 2 -> 0 with a preemption, driven through the real engine:
 * <pre>
 * T0       job-a and job-b submitted: node 1 and node 2 added, both run at once
 * T0+30 s  node 1 preempted on request (job-a loses it)
 * T0+31 s  job-a requeued, node 3 added and runs its second attempt
 * T0+41 s  node 1 reclaimed (gone)
 * T0+60 s  job-b ends: node 2 idle          T0+90 s  job-a ends: node 3 idle
 * T0+180 s node 2 removed (idle 120 s)      T0+210 s node 3 removed: back to 0
 * </pre>
 */
public final class TimelineScenario {

    public static final String CLUSTER = "lowpri";

    /** Node ids in creation order: node 1, node 2, node 3. */
    public final List<String> nodeIds;

    private TimelineScenario(List<String> nodeIds) {
        this.nodeIds = nodeIds;
    }

    public static Instant at(long seconds) {
        return T0.plusSeconds(seconds);
    }

    /** Plays the whole story; the clock ends at T0+210 s. */
    public static TimelineScenario play(StudioFixture studio) {
        studio.createCluster(CLUSTER, lowPriority(DS3, 0, 2));
        studio.submit("job-a", CLUSTER);
        studio.submit("job-b", CLUSTER);
        studio.pass();
        List<Node> first = studio.nodes(CLUSTER);
        studio.advanceSeconds(30);
        studio.compute.preempt(WS, CLUSTER, first.get(0).id());
        studio.advanceSeconds(1);
        studio.pass();
        studio.advanceSeconds(10);
        studio.pass();
        studio.advanceSeconds(19);
        studio.runner.exit("job-b", 0, 0);
        studio.pass();
        studio.advanceSeconds(30);
        studio.runner.exit("job-a", 0, 0);
        studio.pass();
        for (int second = 91; second <= 210; second++) {
            studio.advanceSeconds(1);
            studio.pass();
        }
        List<String> ids = studio.stores.nodes().listAll(WS, CLUSTER).stream().map(Node::id).toList();
        return new TimelineScenario(ids);
    }
}
