package dev.computestudio.domain.port;

import java.util.Optional;

/** Small user preferences (theme, language) kept with the rest of the state. */
public interface SettingsRepository {

    Optional<String> get(String key);

    void put(String key, String value);
}
