package dev.computestudio.infra.yaml;

import dev.computestudio.domain.Message;
import dev.computestudio.domain.Problems;
import dev.computestudio.infra.yaml.YamlNode.Entry;
import dev.computestudio.infra.yaml.YamlNode.Kind;
import dev.computestudio.infra.yaml.YamlNode.Mapping;
import dev.computestudio.infra.yaml.YamlNode.Scalar;
import dev.computestudio.infra.yaml.YamlNode.Sequence;

import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the keys of one mapping with their types, reporting each wrong value with its key path and
 * line. Every key read (or declared ignored) is known; {@link #finish} warns about the rest.
 */
final class MappingReader {

    private final Mapping mapping;
    private final String path;
    private final ReadContext context;
    private final Set<String> known = new HashSet<>();

    MappingReader(Mapping mapping, String path, ReadContext context) {
        this.mapping = mapping;
        this.path = path;
        this.context = context;
    }

    String field(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    YamlNode.Mark mark() {
        return mapping.mark();
    }

    boolean has(String key) {
        known.add(key);
        Entry entry = mapping.entries().get(key);
        return entry != null && !(entry.value() instanceof Scalar scalar && scalar.kind() == Kind.NULL);
    }

    /** The entry of a key, null when it is absent or null; the key becomes known. */
    Entry entry(String key) {
        known.add(key);
        Entry entry = mapping.entries().get(key);
        if (entry == null) {
            return null;
        }
        context.located(field(key), entry.mark());
        if (entry.value() instanceof Scalar scalar && scalar.kind() == Kind.NULL) {
            return null;
        }
        return entry;
    }

    /** A single value of any scalar type, as text; a list or mapping is a problem. */
    Optional<Scalar> scalar(String key) {
        Entry entry = entry(key);
        if (entry == null) {
            return Optional.empty();
        }
        if (entry.value() instanceof Scalar scalar) {
            return Optional.of(scalar);
        }
        context.problem(field(key), "single-value", entry.value().mark(),
                Message.of("invalid.yaml.single-value", YamlNode.describe(entry.value())));
        return Optional.empty();
    }

    String string(String key) {
        return scalar(key).map(Scalar::text).orElse(null);
    }

    /** A whole number, written as one ({@code 4}) or quoted ({@code "4"}). */
    Integer integer(String key) {
        Optional<Scalar> scalar = scalar(key);
        if (scalar.isEmpty()) {
            return null;
        }
        String text = scalar.get().text().trim();
        if ((scalar.get().kind() == Kind.INTEGER || scalar.get().kind() == Kind.STRING) && text.matches("[-+]?\\d{1,9}")) {
            return Integer.parseInt(text);
        }
        context.problem(field(key), "integer", scalar.get().mark(),
                Message.of("invalid.yaml.integer", Problems.shortened(text)));
        return null;
    }

    Boolean bool(String key) {
        Optional<Scalar> scalar = scalar(key);
        if (scalar.isEmpty()) {
            return null;
        }
        String text = scalar.get().text().trim().toLowerCase(Locale.ROOT);
        if (text.equals("true") || text.equals("false")) {
            return Boolean.valueOf(text);
        }
        context.problem(field(key), "boolean", scalar.get().mark(),
                Message.of("invalid.yaml.boolean", Problems.shortened(scalar.get().text())));
        return null;
    }

    /** A nested mapping; absent is empty, anything else is a problem. */
    Optional<MappingReader> mapping(String key) {
        Entry entry = entry(key);
        if (entry == null) {
            return Optional.empty();
        }
        if (entry.value() instanceof Mapping nested) {
            return Optional.of(new MappingReader(nested, field(key), context));
        }
        context.problem(field(key), "mapping", entry.value().mark(),
                Message.of("invalid.yaml.mapping", YamlNode.describe(entry.value())));
        return Optional.empty();
    }

    Optional<Sequence> sequence(String key) {
        Entry entry = entry(key);
        if (entry == null) {
            return Optional.empty();
        }
        if (entry.value() instanceof Sequence sequence) {
            return Optional.of(sequence);
        }
        context.problem(field(key), "list", entry.value().mark(),
                Message.of("invalid.yaml.list", YamlNode.describe(entry.value())));
        return Optional.empty();
    }

    /** A mapping of names to single values (tags, environment variables), values as text. */
    Map<String, String> stringMap(String key) {
        Map<String, String> values = new LinkedHashMap<>();
        mapping(key).ifPresent(nested -> nested.entries().forEach(entry -> {
            if (entry.value() instanceof Scalar scalar) {
                values.put(entry.key(), scalar.kind() == Kind.NULL ? "" : scalar.text());
            } else {
                nested.scalar(entry.key());
            }
        }));
        return values;
    }

    Collection<Entry> entries() {
        return mapping.entries().values();
    }

    /** A key of the schema that changes nothing on one machine: a warning says so, and why. */
    void ignore(String key, Message why) {
        Entry entry = mapping.entries().get(key);
        known.add(key);
        if (entry != null) {
            context.warning(field(key), "ignored-key", entry.mark(),
                    Message.of("warning.yaml.ignored-key", field(key), why));
        }
    }

    /** Keys of the schema that are only reported by the cloud (ids, states): accepted without a word. */
    void accept(String... keys) {
        known.addAll(Set.of(keys));
    }

    /**
     * Warns about every key not read: its line, and the key meant when it looks like one
     * ({@code max_nodes} is v1's {@code max_instances}; {@code max_instance} a typo of it).
     */
    void finish(Map<String, String> renamed) {
        for (Entry entry : mapping.entries().values()) {
            if (known.contains(entry.key())) {
                continue;
            }
            String unknown = field(entry.key());
            Message text = Optional.ofNullable(renamed.get(entry.key()))
                    .or(() -> closest(entry.key()))
                    .map(meant -> Message.of("warning.yaml.unknown-key-meant", unknown, meant))
                    .orElseGet(() -> Message.of("warning.yaml.unknown-key", unknown));
            context.warning(unknown, "unknown-key", entry.mark(), text);
        }
    }

    private Optional<String> closest(String key) {
        return known.stream().filter(candidate -> distance(candidate, key) <= 2)
                .min(Comparator.comparingInt(candidate -> distance(candidate, key)));
    }

    private static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
