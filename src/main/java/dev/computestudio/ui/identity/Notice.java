package dev.computestudio.ui.identity;

import dev.computestudio.domain.Message;
import dev.computestudio.domain.Problem;
import dev.computestudio.ui.common.Refusal;

import java.util.List;

/**
 * What the panel tells the user after an action, kept by code so that it is worded in the current
 * language while it is shown: what was done, or the service's reasons for refusing.
 */
public record Notice(List<Message> lines, boolean failure) {

    public Notice {
        lines = List.copyOf(lines);
    }

    static Notice of(String code, String... arguments) {
        return new Notice(List.of(Message.of(code, (Object[]) arguments)), false);
    }

    static Notice refused(Refusal refusal) {
        return new Notice(refusal.problems().stream().map(Problem::text).toList(), true);
    }
}
