package dev.computestudio.infra.yaml;

import dev.computestudio.domain.Message;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A YAML document as a tree that remembers where each value was, so that a problem can name its
 * line. Jackson's own tree forgets locations, hence this small one.
 */
sealed interface YamlNode {

    Mark mark();

    /** Where a node came from: a line and column of a file, or a {@code --set} pair (line 0). */
    record Mark(String source, int line, int column) {

        static Mark override(String pair) {
            return new Mark("--set " + pair, 0, 0);
        }

        /** A text with this place in front: "cluster.yml, line 7: ..." or "--set max_instances=4: ...". */
        Message locate(Message text) {
            return Message.of("problem.at", line > 0 ? Message.of("where.line", source, line) : source, text);
        }

        /** A text with this place and its column in front: "cluster.yml, line 7, column 3: ...". */
        Message locateColumn(Message text) {
            return Message.of("problem.at", Message.of("where.line-column", source, line, column), text);
        }
    }

    enum Kind { STRING, INTEGER, FLOAT, BOOLEAN, NULL }

    /** A value; {@code text} as written (for a boolean, "true" or "false"). */
    record Scalar(String text, Kind kind, Mark mark) implements YamlNode {
    }

    /** Keys in the order written. */
    record Mapping(Map<String, Entry> entries, Mark mark) implements YamlNode {

        Mapping(Mark mark) {
            this(new LinkedHashMap<>(), mark);
        }
    }

    record Entry(String key, Mark mark, YamlNode value) {
    }

    record Sequence(List<YamlNode> items, Mark mark) implements YamlNode {

        Sequence(Mark mark) {
            this(new ArrayList<>(), mark);
        }
    }

    /** What a node is, for messages: "a list", "a mapping", "a value". */
    static Message describe(YamlNode node) {
        if (node instanceof Mapping) {
            return Message.of("yaml.node.mapping");
        }
        if (node instanceof Sequence) {
            return Message.of("yaml.node.list");
        }
        return Message.of("yaml.node.value");
    }
}
