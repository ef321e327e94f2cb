package dev.computestudio.infra.persistence;

import java.nio.file.Path;

/**
 * Run in its own JVM by {@link H2FileRepositoryTest}: opens the data folder while the test still
 * has it open, adds a workspace and prints every workspace name it then sees, one per line.
 */
public final class SecondProcess {

    static final String PREFIX = "workspace: ";

    private SecondProcess() {
    }

    public static void main(String[] args) {
        try (Database database = Database.openFile(Path.of(args[0]))) {
            database.workspaces().insert(RepositoryContractTest.workspace(args[1]));
            database.workspaces().list().forEach(workspace -> System.out.println(PREFIX + workspace.name()));
        }
    }
}
