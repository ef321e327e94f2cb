package dev.computestudio.demo;

import java.util.Map;
import java.util.Optional;

/**
 * One step of a scenario: an action with its parameters, what the trainer says about it, and the
 * studio screen it is about (null: stay where the studio is).
 */
public record Step(Action action, Text say, String screen, Map<String, String> params) {

    public Step {
        params = Map.copyOf(params);
        say = say == null ? Text.NONE : say;
    }

    public String param(String name) {
        String value = params.get(name);
        if (value == null) {
            throw new ScenarioException("step '" + action.yamlName() + "' needs '" + name + "'");
        }
        return value;
    }

    public Optional<String> optional(String name) {
        return Optional.ofNullable(params.get(name));
    }

    public int intParam(String name, int fallback) {
        String value = params.get(name);
        try {
            return value == null ? fallback : Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new ScenarioException("step '" + action.yamlName() + "': '" + name + "' must be a whole number, not '"
                    + value + "'");
        }
    }

    /** A wait or a check: a step whose outcome the scenario's result depends on. */
    public boolean isCheck() {
        return action == Action.WAIT;
    }
}
