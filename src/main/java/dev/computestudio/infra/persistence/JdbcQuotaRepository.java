package dev.computestudio.infra.persistence;

import dev.computestudio.domain.port.QuotaRepository;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

final class JdbcQuotaRepository implements QuotaRepository {

    private final Jdbc jdbc;

    JdbcQuotaRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void setLimit(String workspace, String key, int limit) {
        jdbc.update("""
                        MERGE INTO quota_limits (workspace, quota_key, limit_value) KEY (workspace, quota_key)
                        VALUES (?, ?, ?)""",
                p -> p.text(workspace).text(key).integer(limit));
    }

    /** The workspace's changed limits, by key. */
    @Override
    public Map<String, Integer> limits(String workspace) {
        Map<String, Integer> limits = new LinkedHashMap<>();
        jdbc.list("SELECT quota_key, limit_value FROM quota_limits WHERE workspace = ? ORDER BY quota_key",
                        p -> p.text(workspace), row -> Map.entry(row.text("quota_key"), row.integer("limit_value")))
                .forEach(entry -> limits.put(entry.getKey(), entry.getValue()));
        return Collections.unmodifiableMap(limits);
    }
}
