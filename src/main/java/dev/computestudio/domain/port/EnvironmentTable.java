package dev.computestudio.domain.port;

import java.util.Map;
import java.util.Optional;

/**
 * The local stand-in for Azure ML's environment registry: environment names (and optionally
 * {@code name:version}) mapped to container images, in a file the user can edit. There is no
 * registry on one machine, so {@code azureml:<name>@latest} means whatever image this table says.
 */
public interface EnvironmentTable {

    /** The image of a name at a version (null: the latest); an entry {@code name:version} wins over {@code name}. */
    Optional<String> imageFor(String name, String version);

    /** Every entry, in the file's order: {@code name} or {@code name:version} to image. */
    Map<String, String> entries();

    /** Adds or replaces an entry. */
    void put(String key, String image);

    /** Removes an entry; false when there was none. */
    boolean remove(String key);

    /** Where the table lives, for messages ("edit it with ..."). */
    String location();
}
