package dev.computestudio.infra.persistence;

import dev.computestudio.domain.ConflictException;
import dev.computestudio.domain.LockLevel;
import dev.computestudio.domain.Message;
import dev.computestudio.domain.ResourceLock;
import dev.computestudio.domain.port.LockRepository;

import java.sql.SQLException;
import java.util.List;

final class JdbcLockRepository implements LockRepository {

    private final Jdbc jdbc;

    JdbcLockRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void insert(ResourceLock lock) {
        jdbc.update("""
                        INSERT INTO resource_locks (workspace, name, level, notes, created_at)
                        VALUES (?, ?, ?, ?, ?)""",
                p -> p.text(lock.workspace()).text(lock.name()).name(lock.level()).text(lock.notes())
                        .instant(lock.createdAt()),
                () -> new ConflictException("name",
                        Message.of("conflict.lock.name-taken", lock.workspace(), lock.name())));
    }

    /** The workspace's locks, by name. */
    @Override
    public List<ResourceLock> list(String workspace) {
        return jdbc.list("""
                        SELECT workspace, name, level, notes, created_at FROM resource_locks
                        WHERE workspace = ? ORDER BY name""",
                p -> p.text(workspace), JdbcLockRepository::map);
    }

    @Override
    public boolean delete(String workspace, String name) {
        return jdbc.update("DELETE FROM resource_locks WHERE workspace = ? AND name = ?",
                p -> p.text(workspace).text(name)) > 0;
    }

    private static ResourceLock map(Row row) throws SQLException {
        return new ResourceLock(row.text("workspace"), row.text("name"), row.name("level", LockLevel.class),
                row.text("notes"), row.instant("created_at"));
    }
}
