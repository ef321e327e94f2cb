package dev.computestudio.infra.persistence;

import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcConnectionPool;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class MigrationsTest {

    private static final Pattern VERSIONED = Pattern.compile("V(\\d+)__.*\\.sql");

    private final JdbcConnectionPool pool = JdbcConnectionPool.create(
            "jdbc:h2:mem:migrations-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");

    @AfterEach
    void dispose() {
        pool.dispose();
    }

    @Test
    void latestIsTheNewestMigrationFile() throws IOException, URISyntaxException {
        Path folder = Path.of(Migrations.class.getResource("/db/migration").toURI());
        try (Stream<Path> files = Files.list(folder)) {
            int newest = files.map(file -> VERSIONED.matcher(file.getFileName().toString()))
                    .filter(Matcher::matches)
                    .map(name -> Integer.parseInt(name.group(1)))
                    .max(Comparator.naturalOrder())
                    .orElseThrow();
            assertThat(Migrations.LATEST).isEqualTo(Integer.toString(newest));
        }
    }

    @Test
    void anEmptyDatabaseIsNotCurrentUntilMigrated() {
        assertThat(Migrations.isCurrent(pool)).isFalse();

        Migrations.apply(pool);

        assertThat(Migrations.isCurrent(pool)).isTrue();
    }

    @Test
    void aDatabaseOneMigrationBehindIsMigrated() {
        String previous = Integer.toString(Integer.parseInt(Migrations.LATEST) - 1);
        Flyway.configure().dataSource(pool).locations("classpath:db/migration").target(previous).load().migrate();
        assertThat(Migrations.isCurrent(pool)).isFalse();

        Migrations.apply(pool);

        assertThat(Migrations.isCurrent(pool)).isTrue();
    }
}
