package dev.computestudio.domain.port;

import dev.computestudio.domain.ClusterSpec;
import dev.computestudio.domain.JobSpec;
import dev.computestudio.domain.Message;
import dev.computestudio.domain.Problem;
import dev.computestudio.domain.ValidationException;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * Azure ML v2 YAML files (the amlCompute and commandJob schemas), read into specs and written
 * from them. Reading collects every problem and throws one {@link ValidationException} (a file that
 * is not YAML: the line and column); keys it does not know are warnings, not failures.
 *
 * <p>{@code overrides} are {@code az ml --set} pairs: a dotted key path ({@code max_instances},
 * {@code ssh_settings.admin_username}) and a YAML value, applied over the file before it is read.
 */
public interface SpecCodec {

    /**
     * The largest spec file read, in bytes (1 MiB): an amlCompute or commandJob file is a few
     * hundred bytes, and a limit keeps a wrong file (a data set, a disk image) from filling memory.
     */
    int MAX_FILE_BYTES = 1024 * 1024;

    /** The refusal of a file or text over {@link #MAX_FILE_BYTES}. */
    static ValidationException tooLarge(String source) {
        return ValidationException.of("file", "max-size", Message.of("invalid.file.too-large", source,
                MAX_FILE_BYTES / 1024));
    }

    /** A cluster file: its name, the spec, and what was ignored (unknown keys) as warnings. */
    ClusterDocument readCluster(String text, String source, Map<String, String> overrides);

    /** The amlCompute YAML of a cluster; reading it again gives the same spec (the SSH password is never written). */
    String writeCluster(String name, ClusterSpec spec);

    /**
     * A command job file. Relative {@code code} and input paths are resolved against
     * {@code baseFolder} (the file's folder, as {@code az ml} does); {@code azureml:} environments
     * through the local environment table.
     */
    JobDocument readJob(String text, String source, Path baseFolder, Map<String, String> overrides);

    /** The commandJob YAML of a job's spec; reading it again gives the same spec. */
    String writeJob(JobSpec spec);

    /** Where each key of a file was, to tell the user the line of a problem found later. */
    record Lines(Map<String, Integer> byKey) {

        public Lines {
            byKey = Map.copyOf(byKey);
        }

        /** The line of a field such as {@code ssh_settings.admin_username}, or of its closest parent key. */
        public OptionalInt of(String field) {
            String key = field;
            while (true) {
                Integer line = byKey.get(key);
                if (line != null) {
                    return OptionalInt.of(line);
                }
                int dot = key.lastIndexOf('.');
                if (dot < 0) {
                    return OptionalInt.empty();
                }
                key = key.substring(0, dot);
            }
        }
    }

    record ClusterDocument(String name, ClusterSpec spec, List<Problem> warnings, Lines lines) {
        public ClusterDocument {
            Objects.requireNonNull(spec, "spec");
            warnings = List.copyOf(warnings);
        }
    }

    record JobDocument(JobSpec spec, List<Problem> warnings, Lines lines) {
        public JobDocument {
            Objects.requireNonNull(spec, "spec");
            warnings = List.copyOf(warnings);
        }
    }
}
