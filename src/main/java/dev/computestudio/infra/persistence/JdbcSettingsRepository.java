package dev.computestudio.infra.persistence;

import dev.computestudio.domain.port.SettingsRepository;

import java.util.Objects;
import java.util.Optional;

final class JdbcSettingsRepository implements SettingsRepository {

    private final Jdbc jdbc;

    JdbcSettingsRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<String> get(String key) {
        return jdbc.first("SELECT setting_value FROM settings WHERE setting_key = ?", p -> p.text(key),
                row -> row.text("setting_value"));
    }

    @Override
    public void put(String key, String value) {
        Objects.requireNonNull(value, "value");
        jdbc.update("MERGE INTO settings (setting_key, setting_value) KEY (setting_key) VALUES (?, ?)",
                p -> p.text(key).text(value));
    }
}
