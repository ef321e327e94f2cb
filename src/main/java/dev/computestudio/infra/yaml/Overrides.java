package dev.computestudio.infra.yaml;

import dev.computestudio.domain.Message;
import dev.computestudio.domain.Problem;
import dev.computestudio.domain.Problems;
import dev.computestudio.domain.ValidationException;
import dev.computestudio.infra.yaml.YamlNode.Entry;
import dev.computestudio.infra.yaml.YamlNode.Kind;
import dev.computestudio.infra.yaml.YamlNode.Mapping;
import dev.computestudio.infra.yaml.YamlNode.Mark;
import dev.computestudio.infra.yaml.YamlNode.Scalar;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code --set key.path=value}, as {@code az ml} applies it: over the file, before it is read.
 * The value is YAML ({@code 4} is a number, {@code [a, b]} a list); text that is not YAML is taken
 * as it is.
 */
final class Overrides {

    private Overrides() {
    }

    static void apply(Mapping root, Map<String, String> overrides) {
        Problems problems = new Problems();
        overrides.forEach((path, value) -> set(root, path, value, problems));
        problems.throwIfAny();
    }

    private static void set(Mapping root, String path, String value, Problems problems) {
        String pair = path + "=" + value;
        Mark mark = Mark.override(pair);
        String[] keys = path.split("\\.");
        if (path.isBlank() || List.of(keys).stream().anyMatch(String::isBlank)) {
            problems.add(path, "set-path", mark.locate(Message.of("invalid.set.no-key")));
            return;
        }
        Mapping mapping = root;
        for (int i = 0; i < keys.length - 1; i++) {
            Entry entry = mapping.entries().get(keys[i]);
            if (entry == null || entry.value() instanceof Scalar scalar && scalar.kind() == Kind.NULL) {
                Mapping created = new Mapping(mark);
                mapping.entries().put(keys[i], new Entry(keys[i], mark, created));
                mapping = created;
            } else if (entry.value() instanceof Mapping nested) {
                mapping = nested;
            } else {
                problems.add(path, "set-path", mark.locate(Message.of("invalid.set.not-mapping",
                        String.join(".", List.of(keys).subList(0, i + 1)), YamlNode.describe(entry.value()))));
                return;
            }
        }
        String last = keys[keys.length - 1];
        mapping.entries().put(last, new Entry(last, mark, value(value, mark)));
    }

    /** The value as YAML, with the override's mark on every node. */
    private static YamlNode value(String text, Mark mark) {
        if (text.isEmpty()) {
            return new Scalar("", Kind.STRING, mark);
        }
        try {
            YamlNode parsed = YamlTree.parse(text, mark.source(), new ArrayList<Problem>());
            return parsed == null ? new Scalar(null, Kind.NULL, mark) : remark(parsed, mark);
        } catch (ValidationException notYaml) {
            return new Scalar(text, Kind.STRING, mark);
        }
    }

    private static YamlNode remark(YamlNode node, Mark mark) {
        if (node instanceof Scalar scalar) {
            return new Scalar(scalar.text(), scalar.kind(), mark);
        }
        if (node instanceof Mapping mapping) {
            Mapping copy = new Mapping(mark);
            mapping.entries().forEach((key, entry) -> copy.entries().put(key,
                    new Entry(key, mark, remark(entry.value(), mark))));
            return copy;
        }
        YamlNode.Sequence sequence = (YamlNode.Sequence) node;
        YamlNode.Sequence copy = new YamlNode.Sequence(mark);
        sequence.items().forEach(item -> copy.items().add(remark(item, mark)));
        return copy;
    }
}
