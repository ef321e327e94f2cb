package dev.computestudio.infra.persistence;

import dev.computestudio.domain.ConflictException;
import dev.computestudio.domain.Message;
import dev.computestudio.domain.Workspace;
import dev.computestudio.domain.port.WorkspaceRepository;

import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

final class JdbcWorkspaceRepository implements WorkspaceRepository {

    private static final String SELECT =
            "SELECT name, location, subscription_id, resource_group, created_at FROM workspaces";

    private final Jdbc jdbc;

    JdbcWorkspaceRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void insert(Workspace workspace) {
        jdbc.update("""
                        INSERT INTO workspaces (name, location, subscription_id, resource_group, created_at)
                        VALUES (?, ?, ?, ?, ?)""",
                p -> p.text(workspace.name()).text(workspace.location()).text(workspace.subscriptionId())
                        .text(workspace.resourceGroup()).instant(workspace.createdAt()),
                () -> new ConflictException("name", Message.of("conflict.workspace.name-taken", workspace.name())));
    }

    @Override
    public Optional<Workspace> find(String name) {
        return jdbc.first(SELECT + " WHERE name = ?", p -> p.text(name), JdbcWorkspaceRepository::map);
    }

    @Override
    public List<Workspace> list() {
        return jdbc.list(SELECT + " ORDER BY name", p -> { }, JdbcWorkspaceRepository::map);
    }

    /** Jobs and quota limits go with the workspace; compute, identities and locks must be deleted first. */
    @Override
    public boolean delete(String name) {
        return jdbc.update("DELETE FROM workspaces WHERE name = ?", p -> p.text(name),
                () -> new ConflictException("", Message.of("conflict.workspace.not-empty", name))) > 0;
    }

    private static Workspace map(Row row) throws SQLException {
        return new Workspace(row.text("name"), row.text("location"), row.text("subscription_id"),
                row.text("resource_group"), row.instant("created_at"));
    }
}
