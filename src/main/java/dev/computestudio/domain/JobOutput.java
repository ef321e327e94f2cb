package dev.computestudio.domain;

import java.util.Objects;
import java.util.Optional;

/**
 * One output of a command job: a folder kept with the job ({@code jobs/<ws>/<job>/outputs/<name>}),
 * shared by its attempts. For {@code uri_file} the job writes one file, named after the output,
 * in that folder.
 */
public record JobOutput(Type type) {

    public static final JobOutput FOLDER = new JobOutput(Type.URI_FOLDER);

    public enum Type {
        URI_FOLDER("uri_folder"), URI_FILE("uri_file");

        private final String yamlName;

        Type(String yamlName) {
            this.yamlName = yamlName;
        }

        public String yamlName() {
            return yamlName;
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

    public JobOutput {
        Objects.requireNonNull(type, "type");
    }
}
