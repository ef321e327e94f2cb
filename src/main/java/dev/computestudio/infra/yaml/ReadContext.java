package dev.computestudio.infra.yaml;

import dev.computestudio.domain.Problem;
import dev.computestudio.domain.Problems;
import dev.computestudio.domain.port.SpecCodec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What reading one file collects: its problems (the file is refused), warnings, and where each key was. */
final class ReadContext {

    final String source;
    final Problems problems = new Problems();
    final List<Problem> warnings = new ArrayList<>();
    private final Map<String, Integer> lines = new LinkedHashMap<>();

    ReadContext(String source) {
        this.source = source;
    }

    void problem(String field, String rule, YamlNode.Mark mark, String message) {
        problems.add(field, rule, mark.describe() + ": " + message);
    }

    void warning(String field, String rule, YamlNode.Mark mark, String message) {
        warnings.add(new Problem(field, rule, mark.describe() + ": " + message));
    }

    void located(String field, YamlNode.Mark mark) {
        if (mark.line() > 0) {
            lines.put(field, mark.line());
        }
    }

    SpecCodec.Lines lines() {
        return new SpecCodec.Lines(lines);
    }
}
