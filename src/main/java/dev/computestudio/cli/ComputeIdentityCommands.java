package dev.computestudio.cli;

import dev.computestudio.domain.Message;
import dev.computestudio.domain.ClusterIdentity;
import dev.computestudio.domain.ComputeCluster;
import dev.computestudio.domain.IdentityType;
import dev.computestudio.domain.SystemAssignedIdentity;
import dev.computestudio.domain.ValidationException;
import dev.computestudio.service.ComputeService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code compute identity assign|remove|show}: a cluster's managed identities, as the seed's
 * {@code az ml computetarget amlcompute identity} commands take them ({@code --identities '[system]'}
 * or resource ids).
 */
@Command(name = "identity", description = "Assign, remove or show a cluster's managed identities.",
        mixinStandardHelpOptions = true)
final class ComputeIdentityCommands {

    private final GlobalContext context;

    ComputeIdentityCommands(GlobalContext context) {
        this.context = context;
    }

    @Command(name = "assign", description = "Give a cluster a system-assigned identity ('[system]') or add "
            + "user-assigned ones.", mixinStandardHelpOptions = true)
    int assign(@Option(names = {"-w", "--workspace"}, required = true, description = "Workspace name.") String workspace,
               @Option(names = {"-n", "--name"}, required = true, description = "Cluster name.") String name,
               @Option(names = {"--identities", "--assign-identity"}, required = true,
                       paramLabel = "'[system]'|RESOURCE_ID[,...]",
                       description = "'[system]', or user-assigned identity resource ids, comma separated.")
               String identities,
               @Mixin OutputOption output) {
        ComputeCluster cluster = context.backend().compute().show(workspace, name);
        ClusterIdentity current = cluster.spec().identity();
        ClusterIdentity wanted = ComputeCommands.assigned(identities);
        ClusterIdentity next;
        if (wanted.type() == IdentityType.SYSTEM_ASSIGNED) {
            if (current.type() == IdentityType.USER_ASSIGNED) {
                throw bothKinds(Message.of("invalid.identity.has-user-assigned", name));
            }
            next = ClusterIdentity.SYSTEM_ASSIGNED;
        } else {
            if (current.type() == IdentityType.SYSTEM_ASSIGNED) {
                throw bothKinds(Message.of("invalid.identity.has-system-assigned", name));
            }
            Set<String> ids = new LinkedHashSet<>(current.userAssignedIdentityIds());
            ids.addAll(wanted.userAssignedIdentityIds());
            next = ClusterIdentity.userAssigned(List.copyOf(ids));
        }
        show(workspace, update(workspace, name, next), output);
        return ExitCodes.OK;
    }

    @Command(name = "remove", description = "Remove a cluster's identities (all of them without --identities).",
            mixinStandardHelpOptions = true)
    int remove(@Option(names = {"-w", "--workspace"}, required = true, description = "Workspace name.") String workspace,
               @Option(names = {"-n", "--name"}, required = true, description = "Cluster name.") String name,
               @Option(names = "--identities", paramLabel = "'[system]'|RESOURCE_ID[,...]",
                       description = "'[system]', or the user-assigned identity resource ids to remove.")
               String identities,
               @Mixin OutputOption output) {
        ComputeCluster cluster = context.backend().compute().show(workspace, name);
        ClusterIdentity current = cluster.spec().identity();
        ClusterIdentity next = ClusterIdentity.NONE;
        if (identities != null) {
            ClusterIdentity removed = ComputeCommands.assigned(identities);
            if (removed.type() == IdentityType.SYSTEM_ASSIGNED && current.type() != IdentityType.SYSTEM_ASSIGNED) {
                throw ValidationException.of("identities", "not-assigned",
                        Message.of("invalid.identity.no-system-assigned", name));
            }
            if (removed.type() == IdentityType.USER_ASSIGNED) {
                List<String> left = new ArrayList<>(current.userAssignedIdentityIds());
                for (String id : removed.userAssignedIdentityIds()) {
                    if (!left.remove(id)) {
                        throw ValidationException.of("identities", "not-assigned",
                                Message.of("invalid.identity.not-assigned", id, name));
                    }
                }
                next = left.isEmpty() ? ClusterIdentity.NONE : ClusterIdentity.userAssigned(left);
            }
        }
        show(workspace, update(workspace, name, next), output);
        return ExitCodes.OK;
    }

    @Command(name = "show", description = "Show a cluster's identities.", mixinStandardHelpOptions = true)
    int show(@Option(names = {"-w", "--workspace"}, required = true, description = "Workspace name.") String workspace,
             @Option(names = {"-n", "--name"}, required = true, description = "Cluster name.") String name,
             @Mixin OutputOption output) {
        show(workspace, context.backend().compute().show(workspace, name), output);
        return ExitCodes.OK;
    }

    private ComputeCluster update(String workspace, String name, ClusterIdentity identity) {
        return context.backend().compute().update(workspace, name,
                new ComputeService.Update(null, null, null, identity, false));
    }

    private static ValidationException bothKinds(Message text) {
        return ValidationException.of("identities", "exclusive-types", text);
    }

    private void show(String workspace, ComputeCluster cluster, OutputOption output) {
        if (output.json()) {
            Output.json(context.out(), RestViews.identity(cluster));
            return;
        }
        Table table = new Table("Type", "PrincipalId", "TenantId", "ClientId", "ResourceId");
        ClusterIdentity identity = cluster.spec().identity();
        SystemAssignedIdentity system = cluster.systemIdentity();
        if (identity.type() == IdentityType.SYSTEM_ASSIGNED && system != null) {
            table.row(identity.type().yamlName(), system.principalId(), system.tenantId(), system.clientId(), "");
        } else if (identity.type() == IdentityType.USER_ASSIGNED) {
            identity.userAssignedIdentityIds().forEach(id -> table.row(identity.type().yamlName(), "", "", "", id));
        } else {
            table.row(identity.type().yamlName(), "", "", "", "");
        }
        table.print(context.out());
    }
}
