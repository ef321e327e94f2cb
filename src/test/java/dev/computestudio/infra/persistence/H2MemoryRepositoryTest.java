package dev.computestudio.infra.persistence;

import dev.computestudio.domain.Workspace;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The repository contract on an in-memory database, the kind engine tests use. */
class H2MemoryRepositoryTest extends RepositoryContractTest {

    @Override
    protected Database openDatabase() {
        return Database.openInMemory();
    }

    @Test
    void eachMemoryDatabaseStartsEmptyAndIsItsOwn() {
        try (Database other = Database.openInMemory()) {
            assertThat(other.workspaces().list()).isEmpty();
            assertThat(database().workspaces().list()).extracting(Workspace::name).containsExactly(WS);
        }
    }
}
