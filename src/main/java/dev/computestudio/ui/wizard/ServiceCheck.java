package dev.computestudio.ui.wizard;

import dev.computestudio.domain.ClusterSpec;
import dev.computestudio.service.ComputeService;
import dev.computestudio.ui.common.Refusal;
import dev.computestudio.ui.common.ServiceCalls;

import java.util.function.Consumer;

/**
 * Asks the service what it would say of the cluster as the inputs change ({@link ComputeService#check}),
 * off the FX thread. One question is out at a time: inputs that change meanwhile wait for its answer,
 * and only an answer about the latest inputs is passed on, so typing never queues stale questions.
 */
final class ServiceCheck {

    private record Question(String name, ClusterSpec spec) {
    }

    private final String workspace;
    private final ComputeService compute;
    private final ServiceCalls calls;
    private final Consumer<ComputeService.Check> onAnswer;
    private final Consumer<Refusal> onRefusal;
    private boolean asking;
    private Question waiting;
    private boolean closed;

    ServiceCheck(String workspace, ComputeService compute, ServiceCalls calls,
                 Consumer<ComputeService.Check> onAnswer, Consumer<Refusal> onRefusal) {
        this.workspace = workspace;
        this.compute = compute;
        this.calls = calls;
        this.onAnswer = onAnswer;
        this.onRefusal = onRefusal;
    }

    /** Call on the FX thread whenever the inputs change. */
    void ask(String name, ClusterSpec spec) {
        Question question = new Question(name, spec);
        if (closed) {
            return;
        }
        if (asking) {
            waiting = question;
        } else {
            send(question);
        }
    }

    /** Asks nothing more; an answer still out is dropped. */
    void close() {
        closed = true;
    }

    private void send(Question question) {
        asking = true;
        calls.call(() -> compute.check(workspace, question.name(), question.spec()),
                answer -> answered(() -> onAnswer.accept(answer)),
                refusal -> answered(() -> onRefusal.accept(refusal)));
    }

    private void answered(Runnable passOn) {
        asking = false;
        if (closed) {
            return;
        }
        if (waiting != null) {
            Question next = waiting;
            waiting = null;
            send(next);
        } else {
            passOn.run();
        }
    }
}
