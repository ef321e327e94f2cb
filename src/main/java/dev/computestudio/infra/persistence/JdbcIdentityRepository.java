package dev.computestudio.infra.persistence;

import dev.computestudio.domain.ConflictException;
import dev.computestudio.domain.Message;
import dev.computestudio.domain.UserAssignedIdentity;
import dev.computestudio.domain.port.IdentityRepository;

import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/** User-assigned identities; a resource id is stored once, since workspaces of one resource group share it. */
final class JdbcIdentityRepository implements IdentityRepository {

    private static final String SELECT = """
            SELECT workspace, name, resource_id, client_id, principal_id, tenant_id, created_at
            FROM user_assigned_identities""";

    private final Jdbc jdbc;

    JdbcIdentityRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void insert(UserAssignedIdentity identity) {
        jdbc.update("""
                        INSERT INTO user_assigned_identities
                            (workspace, name, resource_id, client_id, principal_id, tenant_id, created_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?)""",
                p -> p.text(identity.workspace()).text(identity.name()).text(identity.resourceId())
                        .text(identity.clientId()).text(identity.principalId()).text(identity.tenantId())
                        .instant(identity.createdAt()),
                () -> conflictWith(identity));
    }

    @Override
    public List<UserAssignedIdentity> list(String workspace) {
        return jdbc.list(SELECT + " WHERE workspace = ? ORDER BY name", p -> p.text(workspace),
                JdbcIdentityRepository::map);
    }

    @Override
    public Optional<UserAssignedIdentity> find(String workspace, String name) {
        return jdbc.first(SELECT + " WHERE workspace = ? AND name = ?", p -> p.text(workspace).text(name),
                JdbcIdentityRepository::map);
    }

    @Override
    public Optional<UserAssignedIdentity> findByResourceId(String resourceId) {
        return jdbc.first(SELECT + " WHERE resource_id = ?", p -> p.text(resourceId), JdbcIdentityRepository::map);
    }

    @Override
    public boolean delete(String workspace, String name) {
        return jdbc.update("DELETE FROM user_assigned_identities WHERE workspace = ? AND name = ?",
                p -> p.text(workspace).text(name)) > 0;
    }

    private ConflictException conflictWith(UserAssignedIdentity identity) {
        if (find(identity.workspace(), identity.name()).isPresent()) {
            return new ConflictException("name",
                    Message.of("conflict.identity.name-taken", identity.workspace(), identity.name()));
        }
        return findByResourceId(identity.resourceId())
                .map(other -> new ConflictException("name", Message.of("conflict.identity.resource-taken",
                        identity.resourceId(), other.name(), other.workspace())))
                .orElse(new ConflictException("name",
                        Message.of("conflict.identity.resource-exists", identity.resourceId())));
    }

    private static UserAssignedIdentity map(Row row) throws SQLException {
        return new UserAssignedIdentity(row.text("workspace"), row.text("name"), row.text("resource_id"),
                row.text("client_id"), row.text("principal_id"), row.text("tenant_id"), row.instant("created_at"));
    }
}
