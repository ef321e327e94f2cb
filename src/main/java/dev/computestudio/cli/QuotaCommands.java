package dev.computestudio.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code quota set}: raising a limit stands for the cloud's quota increase request. */
@Command(name = "quota", description = "Change a workspace's quota limits.", mixinStandardHelpOptions = true)
final class QuotaCommands {

    private final GlobalContext context;

    QuotaCommands(GlobalContext context) {
        this.context = context;
    }

    @Command(name = "set", description = "Set a limit: a VM family (e.g. standardNCFamily), totalDedicatedVCpus, "
            + "lowPriorityVCpus, clusters or nodesPerCluster.", mixinStandardHelpOptions = true)
    int set(@Option(names = {"-w", "--workspace"}, required = true, description = "Workspace name.") String workspace,
            @Option(names = {"-k", "--key"}, required = true, description = "Which limit.") String key,
            @Option(names = "--limit", required = true, description = "The new limit.") int limit) {
        context.backend().quota().setLimit(workspace, key, limit);
        context.out().println("Quota '" + key + "' of workspace '" + workspace + "' is now " + limit + ".");
        return ExitCodes.OK;
    }
}
