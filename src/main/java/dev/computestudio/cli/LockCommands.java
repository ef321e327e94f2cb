package dev.computestudio.cli;

import dev.computestudio.domain.Message;
import dev.computestudio.domain.LockLevel;
import dev.computestudio.domain.ResourceLock;
import dev.computestudio.domain.ValidationException;
import dev.computestudio.domain.Workspace;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.List;

/** {@code lock create|list|delete}: management locks on the workspace's resource group. */
@Command(name = "lock", description = "Manage resource locks on a workspace's resource group.",
        mixinStandardHelpOptions = true)
final class LockCommands {

    private final GlobalContext context;

    LockCommands(GlobalContext context) {
        this.context = context;
    }

    @Command(name = "create", description = "Lock the workspace's resource group. Any lock stops clusters from "
            + "scaling; ReadOnly also stops every change.", mixinStandardHelpOptions = true)
    int create(@Option(names = {"-w", "--workspace"}, required = true, description = "Workspace name.") String workspace,
               @Option(names = {"-n", "--name"}, required = true, description = "Lock name.") String name,
               @Option(names = {"-t", "--lock-type", "--level"}, required = true,
                       description = "CanNotDelete or ReadOnly.") String level,
               @Option(names = "--notes", description = "Why the lock is there.") String notes,
               @Mixin OutputOption output) {
        LockLevel parsed = LockLevel.parse(level).orElseThrow(() -> ValidationException.of("level", "lock-level",
                Message.of("invalid.lock.level", level)));
        ResourceLock lock = context.backend().locks().create(workspace, name, parsed, notes);
        print(workspace, List.of(lock), output);
        return ExitCodes.OK;
    }

    @Command(name = "list", description = "List the locks.", mixinStandardHelpOptions = true)
    int list(@Option(names = {"-w", "--workspace"}, required = true, description = "Workspace name.") String workspace,
             @Mixin OutputOption output) {
        print(workspace, context.backend().locks().list(workspace), output);
        return ExitCodes.OK;
    }

    @Command(name = "delete", description = "Remove a lock.", mixinStandardHelpOptions = true)
    int delete(@Option(names = {"-w", "--workspace"}, required = true, description = "Workspace name.") String workspace,
               @Option(names = {"-n", "--name"}, required = true, description = "Lock name.") String name) {
        context.backend().locks().delete(workspace, name);
        context.out().println("Deleted lock '" + name + "'.");
        return ExitCodes.OK;
    }

    private void print(String workspaceName, List<ResourceLock> locks, OutputOption output) {
        Workspace workspace = context.backend().workspaces().show(workspaceName);
        if (output.json()) {
            Output.json(context.out(), locks.stream().map(lock -> RestViews.lock(workspace, lock)).toList());
        } else {
            Table table = new Table("Name", "Level", "Effect", "Notes");
            locks.forEach(lock -> table.row(lock.name(), lock.level().restName(), lock.level().effect(), lock.notes()));
            table.print(context.out());
        }
    }
}
