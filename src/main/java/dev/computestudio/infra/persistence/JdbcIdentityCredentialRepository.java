package dev.computestudio.infra.persistence;

import dev.computestudio.domain.IdentityCredential;
import dev.computestudio.domain.port.IdentityCredentialRepository;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.ZoneOffset;
import java.util.Optional;

/** The hashes of the managed-identity endpoint's secrets. */
final class JdbcIdentityCredentialRepository implements IdentityCredentialRepository {

    private static final String COLUMNS = "secret_hash, workspace, cluster, node_id, job_name, attempt, issued_at, "
            + "expires_at";

    private final Jdbc jdbc;

    JdbcIdentityCredentialRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void issue(IdentityCredential credential) {
        jdbc.inTransaction("issue an identity credential", connection -> {
            if (credential.nodeId() != null) {
                try (PreparedStatement delete = connection.prepareStatement(
                        "DELETE FROM identity_credentials WHERE node_id = ?")) {
                    delete.setString(1, credential.nodeId());
                    delete.executeUpdate();
                }
            }
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO identity_credentials (" + COLUMNS + ") VALUES (" + Jdbc.placeholders(COLUMNS) + ")")) {
                insert.setString(1, credential.secretHash());
                insert.setString(2, credential.workspace());
                insert.setString(3, credential.cluster());
                insert.setString(4, credential.nodeId());
                insert.setString(5, credential.jobName());
                insert.setInt(6, credential.attempt());
                insert.setObject(7, credential.issuedAt().atOffset(ZoneOffset.UTC), Types.TIMESTAMP_WITH_TIMEZONE);
                insert.setObject(8, credential.expiresAt() == null ? null
                        : credential.expiresAt().atOffset(ZoneOffset.UTC), Types.TIMESTAMP_WITH_TIMEZONE);
                insert.executeUpdate();
            }
        });
    }

    @Override
    public Optional<IdentityCredential> findBySecretHash(String secretHash) {
        return jdbc.first("SELECT " + COLUMNS + " FROM identity_credentials WHERE secret_hash = ?",
                p -> p.text(secretHash), JdbcIdentityCredentialRepository::map);
    }

    @Override
    public void revoke(String secretHash) {
        jdbc.update("DELETE FROM identity_credentials WHERE secret_hash = ?", p -> p.text(secretHash));
    }

    private static IdentityCredential map(Row row) throws SQLException {
        return new IdentityCredential(row.text("secret_hash"), row.text("workspace"), row.text("cluster"),
                row.text("node_id"), row.text("job_name"), row.integer("attempt"), row.instant("issued_at"),
                row.instant("expires_at"));
    }
}
