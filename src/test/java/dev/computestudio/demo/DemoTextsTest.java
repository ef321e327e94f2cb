package dev.computestudio.demo;

import dev.computestudio.domain.AllocationState;
import dev.computestudio.domain.JobStatus;
import dev.computestudio.domain.LockLevel;
import dev.computestudio.domain.Message;
import dev.computestudio.domain.NodeState;
import dev.computestudio.domain.VmTier;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code demo run} prints the runner's texts by code exactly as it printed its sentences before they
 * had codes: states and choices by the cloud's names, numbers as they were written.
 */
class DemoTextsTest {

    private final DemoTexts english = new DemoTexts(Locale.forLanguageTag("en"));
    private final DemoTexts portuguese = new DemoTexts(Locale.forLanguageTag("pt-BR"));

    @Test
    void checksNameStatesAsTheCloudDoes() {
        Message nodes = Message.of("demo.observe.nodes", "cpu-cluster", "3",
                Message.of("demo.list.commas", NodeState.RUNNING,
                        Message.of("demo.list.commas", NodeState.IDLE, NodeState.PREPARING)));
        Message job = Message.of("demo.observe.job", "train", JobStatus.CANCEL_REQUESTED, "1", "");
        Message allocation = Message.of("demo.observe.allocation", "cpu-cluster", AllocationState.RESIZING, "0", "0");
        Message waited = Message.of("demo.result.waitOk", "80", allocation);

        assertThat(english.format(nodes)).isEqualTo("cpu-cluster has 3 node(s): running, idle, preparing");
        assertThat(english.format(job)).isEqualTo("job train is CancelRequested (attempt 1) ");
        assertThat(english.format(waited))
                .isEqualTo("Check holds after 80 s on the demo clock: cpu-cluster is Resizing (0 -> 0)");
    }

    @Test
    void resultsNameChoicesAsTheScenarioFilesDo() {
        Message cluster = Message.of("demo.result.cluster", "lowpri", "Standard_DS3_v2", VmTier.LOW_PRIORITY, "0", "2",
                "120");
        Message lock = Message.of("demo.result.lock", "no-delete", LockLevel.CAN_NOT_DELETE);

        assertThat(english.format(cluster))
                .isEqualTo("Cluster lowpri created: Standard_DS3_v2, low_priority, 0 to 2 nodes, idle time 120 s");
        assertThat(english.format(lock)).isEqualTo("Lock no-delete (CanNotDelete) placed on the workspace resource group");
    }

    @Test
    void pricesKeepTwoDecimalsInEachLanguagesWay() {
        Message cost = Message.of("demo.result.cost", "Standard_NC6", "2", new BigDecimal("1.80"), new BigDecimal("0.36"),
                "80");

        assertThat(english.format(cost))
                .isEqualTo("Standard_NC6 x 2: dedicated 1.80 USD/h, low priority 0.36 USD/h (80% less)");
        assertThat(portuguese.format(cost))
                .isEqualTo("Standard_NC6 x 2: dedicada 1,80 USD/h, baixa prioridade 0,36 USD/h (80% a menos)");
    }

    @Test
    void theCleanUpIsToldLineByLine() {
        List<Message> done = List.of(Message.of("demo.cleanup.lock", "no-delete"),
                Message.of("demo.cleanup.jobsTimeout", "30", Message.of("demo.list.commas",
                        Message.of("demo.cleanup.jobLeft", "a", JobStatus.RUNNING),
                        Message.of("demo.cleanup.jobLeft", "b", JobStatus.NOT_STARTED))),
                Message.of("demo.result.error", "interrupted"));

        assertThat(english.format(done)).containsExactly("Removed lock no-delete",
                "Jobs still running after 30 s: a (Running), b (NotStarted)", "Failed: interrupted");
    }
}
