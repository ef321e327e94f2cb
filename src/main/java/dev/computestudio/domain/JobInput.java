package dev.computestudio.domain;

import java.util.Objects;
import java.util.Optional;

/**
 * One input of a command job: a literal value ({@code epochs: 10}) or a local file or folder
 * ({@code type: uri_folder, path: ./data}). A path is absolute once submitted; the job sees a
 * read-only copy of it, taken at submission as {@code az ml} uploads local data then.
 */
public record JobInput(Type type, String value) {

    /** The v2 input types this studio runs; the names are the YAML's. */
    public enum Type {
        STRING("string"), INTEGER("integer"), NUMBER("number"), BOOLEAN("boolean"),
        URI_FILE("uri_file"), URI_FOLDER("uri_folder");

        private final String yamlName;

        Type(String yamlName) {
            this.yamlName = yamlName;
        }

        public String yamlName() {
            return yamlName;
        }

        /** A file or folder, rather than a value written into the command. */
        public boolean isPath() {
            return this == URI_FILE || this == URI_FOLDER;
        }

        public static Optional<Type> parse(String text) {
            if (text == null) {
                return Optional.empty();
            }
            String key = Spellings.key(text);
            for (Type type : values()) {
                if (Spellings.key(type.yamlName).equals(key)) {
                    return Optional.of(type);
                }
            }
            return Optional.empty();
        }
    }

    public JobInput {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(value, "value");
    }

    public static JobInput literal(Type type, String value) {
        return new JobInput(type, value);
    }
}
