package dev.computestudio.infra.persistence;

import dev.computestudio.domain.ConflictException;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The boilerplate of every repository: borrow a pooled connection, bind, run, map, give it back,
 * and turn {@link SQLException}s into the exceptions the ports promise.
 */
final class Jdbc {

    /** A unique index or primary key already holds the value. */
    private static final String UNIQUE_VIOLATION = "23505";
    /** A row cannot go while rows of another table still refer to it. */
    private static final String CHILD_EXISTS = "23503";

    @FunctionalInterface
    interface Binder {
        void bind(Params params) throws SQLException;
    }

    @FunctionalInterface
    interface Mapper<T> {
        T map(Row row) throws SQLException;
    }

    @FunctionalInterface
    interface Work {
        void run(Connection connection) throws SQLException;
    }

    private final DataSource dataSource;

    Jdbc(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    <T> List<T> list(String sql, Binder binder, Mapper<T> mapper) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            binder.bind(new Params(statement));
            try (ResultSet result = statement.executeQuery()) {
                Row row = new Row(result);
                List<T> rows = new ArrayList<>();
                while (result.next()) {
                    rows.add(mapper.map(row));
                }
                return rows;
            }
        } catch (SQLException e) {
            throw failure(sql, e);
        }
    }

    /** The first row, for queries on a key. */
    <T> Optional<T> first(String sql, Binder binder, Mapper<T> mapper) {
        return list(sql, binder, mapper).stream().findFirst();
    }

    /** @return the number of rows changed */
    int update(String sql, Binder binder) {
        return update(sql, binder, null);
    }

    /**
     * Like {@link #update(String, Binder)}, but a clash with existing rows (a taken key, or a row
     * other rows still refer to) becomes a {@link ConflictException} with the sentence that
     * {@code conflict} gives. It is asked only after the failure, so it may look at what is stored.
     */
    int update(String sql, Binder binder, Supplier<String> conflict) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            binder.bind(new Params(statement));
            return statement.executeUpdate();
        } catch (SQLException e) {
            if (conflict != null && isConflict(e)) {
                throw new ConflictException(conflict.get());
            }
            throw failure(sql, e);
        }
    }

    /**
     * Runs {@code work} on one connection in one transaction: all of it is stored, or none.
     * {@code description} names the work in the error when the database fails.
     */
    void inTransaction(String description, Work work) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                work.run(connection);
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw failure(description, e);
        }
    }

    /** "?, ?, ?" for a comma-separated column list, so that column lists are written once. */
    static String placeholders(String columns) {
        return String.join(", ", Collections.nCopies(columns.split(",").length, "?"));
    }

    private static boolean isConflict(SQLException e) {
        return UNIQUE_VIOLATION.equals(e.getSQLState()) || CHILD_EXISTS.equals(e.getSQLState());
    }

    private static PersistenceException failure(String statement, SQLException e) {
        return new PersistenceException("the database failed (SQL state " + e.getSQLState() + ") on: "
                + statement.strip().replaceAll("\\s+", " "), e);
    }
}
