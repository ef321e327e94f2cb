package dev.computestudio.infra.persistence;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

/** Binds a statement's parameters left to right, converting values the way the schema stores them. */
final class Params {

    private final PreparedStatement statement;
    private int index;

    Params(PreparedStatement statement) {
        this.statement = statement;
    }

    Params text(String value) throws SQLException {
        statement.setObject(++index, value, Types.VARCHAR);
        return this;
    }

    Params integer(Integer value) throws SQLException {
        statement.setObject(++index, value, Types.INTEGER);
        return this;
    }

    Params bigint(Long value) throws SQLException {
        statement.setObject(++index, value, Types.BIGINT);
        return this;
    }

    Params bool(boolean value) throws SQLException {
        statement.setBoolean(++index, value);
        return this;
    }

    /** Written in UTC; the column keeps nanoseconds, so the instant reads back equal. */
    Params instant(Instant value) throws SQLException {
        statement.setObject(++index, value == null ? null : value.atOffset(ZoneOffset.UTC),
                Types.TIMESTAMP_WITH_TIMEZONE);
        return this;
    }

    Params name(Enum<?> value) throws SQLException {
        return text(value == null ? null : value.name());
    }

    Params json(Object value) throws SQLException {
        return text(Json.write(value));
    }

    /** A duration the schema keeps in whole seconds; refuses a fraction rather than silently dropping it. */
    Params seconds(Duration value) throws SQLException {
        if (value.getNano() != 0) {
            throw new IllegalArgumentException("durations are stored in whole seconds, not " + value);
        }
        return bigint(value.getSeconds());
    }

    /** A nullable duration the schema keeps in whole milliseconds; refuses a finer one rather than rounding it. */
    Params millis(Duration value) throws SQLException {
        if (value != null && value.getNano() % 1_000_000 != 0) {
            throw new IllegalArgumentException("durations are stored in whole milliseconds, not " + value);
        }
        return bigint(value == null ? null : value.toMillis());
    }
}
