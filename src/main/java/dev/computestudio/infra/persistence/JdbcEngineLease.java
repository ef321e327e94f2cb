package dev.computestudio.infra.persistence;

import dev.computestudio.domain.port.EngineLease;

import java.time.Instant;
import java.util.Optional;

/**
 * The lease as one row changed by one conditional UPDATE, so that two processes asking at the
 * same moment cannot both get it.
 */
final class JdbcEngineLease implements EngineLease {

    private final Jdbc jdbc;

    JdbcEngineLease(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean tryAcquire(String owner, String description, Instant now, Instant staleBefore) {
        return jdbc.update("UPDATE engine_lease SET owner = ?, description = ?, heartbeat = ? WHERE id = 1 AND "
                        + "(owner IS NULL OR owner = ? OR heartbeat < ?)",
                p -> p.text(owner).text(description).instant(now).text(owner).instant(staleBefore)) == 1;
    }

    @Override
    public void release(String owner) {
        jdbc.update("UPDATE engine_lease SET owner = NULL, description = NULL, heartbeat = NULL "
                + "WHERE id = 1 AND owner = ?", p -> p.text(owner));
    }

    @Override
    public Optional<Holder> holder() {
        return jdbc.first("SELECT owner, description, heartbeat FROM engine_lease WHERE id = 1 AND owner IS NOT NULL",
                p -> { }, row -> new Holder(row.text("owner"), row.text("description"), row.instant("heartbeat")));
    }
}
