package dev.computestudio.infra.persistence;

import dev.computestudio.domain.ConflictException;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
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
    interface BatchBinder<T> {
        void bind(Params params, T item) throws SQLException;
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
    /** The connection of the unit of work this thread is in, if any: every statement of it runs there. */
    private final ThreadLocal<Connection> unitOfWork = new ThreadLocal<>();

    Jdbc(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Runs {@code work} with every statement this thread makes on one connection, committed once
     * at the end. A statement that fails undoes only itself, as on its own, and what ran before it
     * is committed even when {@code work} throws: one commit instead of one per statement, nothing
     * else changes. Nested calls join the outer unit.
     */
    void inUnitOfWork(Runnable work) {
        if (unitOfWork.get() != null) {
            work.run();
            return;
        }
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            unitOfWork.set(connection);
            try {
                work.run();
            } finally {
                unitOfWork.remove();
                try {
                    connection.commit();
                } finally {
                    connection.setAutoCommit(true);
                }
            }
        } catch (SQLException e) {
            throw failure("commit of a unit of work", e);
        }
    }

    /**
     * Runs {@code work} with every statement this thread makes on one connection, in one
     * transaction: when it throws, each of its writes is undone. Inside a unit of work, a
     * savepoint gives the same, and the unit commits it with the rest.
     */
    <T> T atomically(Supplier<T> work) {
        Connection shared = unitOfWork.get();
        try {
            if (shared != null) {
                Savepoint savepoint = shared.setSavepoint();
                try {
                    T result = work.get();
                    shared.releaseSavepoint(savepoint);
                    return result;
                } catch (RuntimeException | Error e) {
                    shared.rollback(savepoint);
                    throw e;
                }
            }
            try (Connection connection = dataSource.getConnection()) {
                connection.setAutoCommit(false);
                unitOfWork.set(connection);
                try {
                    T result = work.get();
                    connection.commit();
                    return result;
                } catch (RuntimeException | Error e) {
                    connection.rollback();
                    throw e;
                } finally {
                    unitOfWork.remove();
                    connection.setAutoCommit(true);
                }
            }
        } catch (SQLException e) {
            throw failure("a change stored whole or not at all", e);
        }
    }

    /** Commits what the thread's unit of work wrote so far; nothing to do outside one. */
    void commitUnitOfWork() {
        Connection shared = unitOfWork.get();
        if (shared != null) {
            try {
                shared.commit();
            } catch (SQLException e) {
                throw failure("commit of a unit of work", e);
            }
        }
    }

    /** The unit of work's connection, or a pooled one of its own; {@link Borrowed#close} gives back only the latter. */
    private Borrowed borrow() throws SQLException {
        Connection shared = unitOfWork.get();
        return shared != null ? new Borrowed(shared, false) : new Borrowed(dataSource.getConnection(), true);
    }

    private record Borrowed(Connection connection, boolean owned) implements AutoCloseable {
        @Override
        public void close() throws SQLException {
            if (owned) {
                connection.close();
            }
        }
    }

    <T> List<T> list(String sql, Binder binder, Mapper<T> mapper) {
        try (Borrowed borrowed = borrow();
             PreparedStatement statement = borrowed.connection().prepareStatement(sql)) {
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
     * other rows still refer to) becomes the {@link ConflictException} that {@code conflict} gives.
     * It is asked only after the failure, so it may look at what is stored.
     */
    int update(String sql, Binder binder, Supplier<ConflictException> conflict) {
        try (Borrowed borrowed = borrow();
             PreparedStatement statement = borrowed.connection().prepareStatement(sql)) {
            binder.bind(new Params(statement));
            return statement.executeUpdate();
        } catch (SQLException e) {
            if (conflict != null && isConflict(e)) {
                throw conflict.get();
            }
            throw failure(sql, e);
        }
    }

    /** Runs {@code sql} once per item as one JDBC batch. */
    <T> void batch(String sql, List<T> items, BatchBinder<T> binder) {
        try (Borrowed borrowed = borrow();
             PreparedStatement statement = borrowed.connection().prepareStatement(sql)) {
            for (T item : items) {
                binder.bind(new Params(statement), item);
                statement.addBatch();
            }
            statement.executeBatch();
        } catch (SQLException e) {
            throw failure(sql, e);
        }
    }

    /**
     * {@link #atomically} for work written against the connection itself; {@code description}
     * names the work in the error when the database fails.
     */
    void inTransaction(String description, Work work) {
        atomically(() -> {
            try {
                work.run(unitOfWork.get());
                return null;
            } catch (SQLException e) {
                throw failure(description, e);
            }
        });
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
