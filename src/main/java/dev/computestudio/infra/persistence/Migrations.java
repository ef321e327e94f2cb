package dev.computestudio.infra.persistence;

import org.flywaydb.core.Flyway;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Brings a database to the schema of the migrations in {@code db/migration}, with Flyway.
 *
 * <p>A database that is already there is recognised from Flyway's history table alone: loading
 * Flyway, which configures itself through Jackson, was about a fifth of the studio's start, spent
 * to find that there is nothing to do. The files of applied migrations are then not checked against
 * their checksums; Flyway does that again as soon as there is a new migration to apply.
 */
final class Migrations {

    /** The version of the newest file in {@code db/migration}; {@code MigrationsTest} keeps the two in step. */
    static final String LATEST = "7";

    private static final String LOCATION = "classpath:db/migration";
    private static final String HISTORY = "flyway_schema_history";

    private Migrations() {
    }

    static void apply(DataSource database) {
        if (isCurrent(database)) {
            return;
        }
        Flyway.configure()
                .dataSource(database)
                .locations(LOCATION)
                // A build that lost the migrations must not start on an empty schema.
                .failOnMissingLocations(true)
                .load()
                .migrate();
    }

    /**
     * True when the last migration Flyway recorded is {@link #LATEST} and it succeeded. A database
     * ahead of this build (a newer version of the studio wrote it) is left to Flyway, as before.
     */
    static boolean isCurrent(DataSource database) {
        try (Connection connection = database.getConnection()) {
            if (!hasHistory(connection)) {
                return false;
            }
            try (PreparedStatement last = connection.prepareStatement("SELECT \"version\", \"success\" FROM \""
                    + HISTORY + "\" WHERE \"version\" IS NOT NULL ORDER BY \"installed_rank\" DESC LIMIT 1");
                 ResultSet row = last.executeQuery()) {
                return row.next() && LATEST.equals(row.getString(1)) && row.getBoolean(2);
            }
        } catch (SQLException e) {
            // Most often the database itself cannot be opened; the caller says which one.
            throw new PersistenceException(e.getMessage(), e);
        }
    }

    private static boolean hasHistory(Connection connection) throws SQLException {
        try (PreparedStatement table = connection.prepareStatement(
                "SELECT 1 FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_SCHEMA = SCHEMA() AND TABLE_NAME = ?")) {
            table.setString(1, HISTORY);
            try (ResultSet row = table.executeQuery()) {
                return row.next();
            }
        }
    }
}
