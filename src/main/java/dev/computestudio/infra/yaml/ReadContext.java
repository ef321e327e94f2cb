package dev.computestudio.infra.yaml;

import dev.computestudio.domain.Message;
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

    void problem(String field, String rule, YamlNode.Mark mark, Message text) {
        problems.add(field, rule, mark.locate(text));
    }

    /** A problem with the file as a whole, with its name in front. */
    void problem(String field, String rule, Message text) {
        problems.add(field, rule, Message.of("problem.at", source, text));
    }

    void warning(String field, String rule, YamlNode.Mark mark, Message text) {
        warnings.add(new Problem(field, rule, mark.locate(text)));
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
