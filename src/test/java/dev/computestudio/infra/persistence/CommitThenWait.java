package dev.computestudio.infra.persistence;

import java.nio.file.Path;

/**
 * Run in its own JVM by {@link H2FileRepositoryTest}: opens the data folder, commits a workspace,
 * says so, and waits to be killed, as {@code serve} is when it crashes right after a change.
 */
public final class CommitThenWait {

    static final String COMMITTED = "committed";

    private CommitThenWait() {
    }

    public static void main(String[] args) throws InterruptedException {
        Database database = Database.openFile(Path.of(args[0]));
        database.workspaces().insert(RepositoryContractTest.workspace(args[1]));
        System.out.println(COMMITTED);
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
