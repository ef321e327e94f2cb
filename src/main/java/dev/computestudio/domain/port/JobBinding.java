package dev.computestudio.domain.port;

import java.nio.file.Path;
import java.util.Objects;

/**
 * An input or output of a job as a runner sees it: a literal value written into the command, or a
 * file or folder of the host that the runner makes visible to the job (read-only for inputs).
 * {@code fileName} is set when the job is given one file inside {@code hostFolder}.
 */
public record JobBinding(Direction direction, String name, String literal, Path hostFolder, String fileName,
                         boolean readOnly) {

    public enum Direction {
        INPUTS, OUTPUTS;

        /** As the command names it: {@code inputs} or {@code outputs}. */
        public String key() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public JobBinding {
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(name, "name");
        if ((literal == null) == (hostFolder == null)) {
            throw new IllegalArgumentException("a binding is a literal or a host folder, not both or neither");
        }
    }

    public static JobBinding literal(String name, String value) {
        return new JobBinding(Direction.INPUTS, name, value, null, null, true);
    }

    public static JobBinding input(String name, Path hostFolder, String fileName) {
        return new JobBinding(Direction.INPUTS, name, null, hostFolder, fileName, true);
    }

    public static JobBinding output(String name, Path hostFolder, String fileName) {
        return new JobBinding(Direction.OUTPUTS, name, null, hostFolder, fileName, false);
    }

    public boolean isLiteral() {
        return literal != null;
    }

    /** {@code inputs.NAME} or {@code outputs.NAME}. */
    public String reference() {
        return direction.key() + "." + name;
    }

    /** The path the job is given, when its folder is visible to it at {@code folderInJob}. */
    public String pathIn(String folderInJob) {
        return fileName == null ? folderInJob : folderInJob + "/" + fileName;
    }
}
