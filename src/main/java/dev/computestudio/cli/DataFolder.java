package dev.computestudio.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;

/** Where state lives: {@code --data-dir}, else {@code COMPUTE_STUDIO_HOME}, else {@code ~/.compute-studio}. */
public final class DataFolder {

    public static final String ENVIRONMENT_VARIABLE = "COMPUTE_STUDIO_HOME";

    private DataFolder() {
    }

    public static Path resolve(Path option, Map<String, String> environment, String userHome) {
        if (option != null) {
            return option.toAbsolutePath().normalize();
        }
        String fromEnvironment = environment.get(ENVIRONMENT_VARIABLE);
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            return Path.of(fromEnvironment).toAbsolutePath().normalize();
        }
        return Path.of(userHome, ".compute-studio");
    }

    /** Creates the folder if needed, readable by its owner only: it holds secrets and the database. */
    public static void create(Path folder) {
        try {
            if (Files.isDirectory(folder)) {
                return;
            }
            Files.createDirectories(folder);
            if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwx------"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the data folder " + folder, e);
        }
    }
}
