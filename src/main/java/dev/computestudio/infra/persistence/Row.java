package dev.computestudio.infra.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;

/** Reads the current row of a result by column name, converting back what {@link Params} wrote. */
final class Row {

    private final ResultSet result;

    Row(ResultSet result) {
        this.result = result;
    }

    String text(String column) throws SQLException {
        return result.getString(column);
    }

    int integer(String column) throws SQLException {
        return result.getInt(column);
    }

    Integer nullableInteger(String column) throws SQLException {
        return result.getObject(column, Integer.class);
    }

    long bigint(String column) throws SQLException {
        return result.getLong(column);
    }

    boolean bool(String column) throws SQLException {
        return result.getBoolean(column);
    }

    Instant instant(String column) throws SQLException {
        OffsetDateTime value = result.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    <E extends Enum<E>> E name(String column, Class<E> type) throws SQLException {
        return Enum.valueOf(type, result.getString(column));
    }

    Duration seconds(String column) throws SQLException {
        return Duration.ofSeconds(result.getLong(column));
    }

    Duration nullableMillis(String column) throws SQLException {
        Long millis = result.getObject(column, Long.class);
        return millis == null ? null : Duration.ofMillis(millis);
    }
}
