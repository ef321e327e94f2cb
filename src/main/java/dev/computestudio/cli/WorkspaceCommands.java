package dev.computestudio.cli;

import dev.computestudio.domain.Workspace;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code workspace create|list|show|delete}. */
@Command(name = "workspace", description = "Manage workspaces.", mixinStandardHelpOptions = true)
final class WorkspaceCommands {

    private final GlobalContext context;

    WorkspaceCommands(GlobalContext context) {
        this.context = context;
    }

    @Command(name = "create", description = "Create a workspace.", mixinStandardHelpOptions = true)
    int create(@Option(names = {"-n", "--name"}, required = true, description = "Workspace name.") String name,
               @Option(names = {"-l", "--location"}, description = "Region, e.g. eastus (default).") String location,
               @Option(names = {"-g", "--resource-group"}, description = "Resource group (default rg-NAME).")
               String resourceGroup,
               @Mixin OutputOption output) {
        Workspace workspace = context.backend().workspaces().create(name, location, resourceGroup);
        print(workspace, output);
        return ExitCodes.OK;
    }

    @Command(name = "list", description = "List workspaces.", mixinStandardHelpOptions = true)
    int list(@Mixin OutputOption output) {
        var workspaces = context.backend().workspaces().list();
        if (output.json()) {
            Output.json(context.out(), workspaces.stream().map(RestViews::workspace).toList());
        } else {
            Table table = new Table("Name", "Location", "ResourceGroup");
            workspaces.forEach(ws -> table.row(ws.name(), ws.location(), ws.resourceGroup()));
            table.print(context.out());
        }
        return ExitCodes.OK;
    }

    @Command(name = "show", description = "Show a workspace.", mixinStandardHelpOptions = true)
    int show(@Option(names = {"-n", "--name"}, required = true, description = "Workspace name.") String name,
             @Mixin OutputOption output) {
        print(context.backend().workspaces().show(name), output);
        return ExitCodes.OK;
    }

    @Command(name = "delete", description = "Delete an empty, unlocked workspace.", mixinStandardHelpOptions = true)
    int delete(@Option(names = {"-n", "--name"}, required = true, description = "Workspace name.") String name) {
        context.backend().workspaces().delete(name);
        context.out().println("Deleted workspace '" + name + "'.");
        return ExitCodes.OK;
    }

    private void print(Workspace workspace, OutputOption output) {
        if (output.json()) {
            Output.json(context.out(), RestViews.workspace(workspace));
        } else {
            new Table("Name", "Location", "ResourceGroup", "Id")
                    .row(workspace.name(), workspace.location(), workspace.resourceGroup(), workspace.resourceId())
                    .print(context.out());
        }
    }
}
