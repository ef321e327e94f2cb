package dev.computestudio.demo;

import java.util.List;

/**
 * A demo for a class: one idea of the article shown step by step in its own workspace, with the
 * words to say at each step in English and Brazilian Portuguese.
 *
 * @param id        the name {@code demo run} takes, e.g. {@code autoscale}
 * @param workspace the workspace the scenario makes and removes again
 */
public record Scenario(String id, String workspace, Text title, Text summary, List<Step> steps) {

    public Scenario {
        steps = List.copyOf(steps);
    }

    public long checkCount() {
        return steps.stream().filter(Step::isCheck).count();
    }
}
