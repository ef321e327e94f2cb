package dev.computestudio.demo;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What a scenario step does; its YAML name is the lower-case name ({@code do: create_cluster}). */
public enum Action {
    NARRATE, CREATE_WORKSPACE, CREATE_CLUSTER, CREATE_IDENTITY, CREATE_LOCK, DELETE_LOCK, SET_QUOTA, SUBMIT_JOB,
    PREEMPT, REQUEST_TOKEN, COMPARE_COST, WAIT;

    public String yamlName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Action> parse(String text) {
        return Arrays.stream(values()).filter(action -> action.yamlName().equals(text)).findFirst();
    }
}
