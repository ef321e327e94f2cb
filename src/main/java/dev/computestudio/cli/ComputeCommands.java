package dev.computestudio.cli;

import dev.computestudio.domain.Message;
import dev.computestudio.domain.ClusterIdentity;
import dev.computestudio.domain.ClusterSpec;
import dev.computestudio.domain.ComputeCluster;
import dev.computestudio.domain.IdentityType;
import dev.computestudio.domain.NetworkSettings;
import dev.computestudio.domain.Node;
import dev.computestudio.domain.QuotaLedger;
import dev.computestudio.domain.QuotaUsage;
import dev.computestudio.domain.SshSettings;
import dev.computestudio.domain.ValidationException;
import dev.computestudio.domain.VmCatalog;
import dev.computestudio.domain.VmSize;
import dev.computestudio.domain.VmTier;
import dev.computestudio.domain.Workspace;
import dev.computestudio.service.ClusterFiles;
import dev.computestudio.service.ComputeService;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** {@code compute ...}: clusters and attached compute, with the flags of {@code az ml compute}. */
@Command(name = "compute", description = "Manage compute clusters.", mixinStandardHelpOptions = true)
final class ComputeCommands {

    private static final Duration DELETE_WAIT = Duration.ofMinutes(2);

    private final GlobalContext context;

    ComputeCommands(GlobalContext context) {
        this.context = context;
    }

    /** The options that describe identity, shared by create and update. */
    static final class IdentityOptions {
        @Option(names = "--identity-type", description = "system_assigned, user_assigned or none.")
        String type;

        @Option(names = "--user-assigned-identities", split = ",", paramLabel = "RESOURCE_ID",
                description = "User-assigned identity resource ids (comma separated or repeated).")
        List<String> userAssigned;

        @Option(names = "--assign-identity", paramLabel = "'[system]'|RESOURCE_ID[,...]",
                description = "The v1 spelling: '[system]' for a system-assigned identity, else user-assigned "
                        + "identity resource ids, comma separated.")
        String assign;

        ClusterIdentity toIdentity() {
            if (assign != null) {
                if (type != null || userAssigned != null) {
                    throw ValidationException.of("assign_identity", "one-spelling",
                            Message.of("invalid.cli.identity-one-spelling"));
                }
                return assigned(assign);
            }
            if (type == null && (userAssigned == null || userAssigned.isEmpty())) {
                return null;
            }
            IdentityType parsed = type == null ? IdentityType.USER_ASSIGNED : IdentityType.parse(type).orElseThrow(
                    () -> ValidationException.of("identity_type", "identity-type",
                            Message.of("invalid.identity.type", type)));
            return new ClusterIdentity(parsed, userAssigned == null ? List.of() : userAssigned);
        }

        /** The identity as file keys, for {@code create -f}: the flags override the file's identity. */
        void addTo(Map<String, String> overrides) {
            ClusterIdentity identity = toIdentity();
            if (identity == null) {
                return;
            }
            overrides.put("identity.type", identity.type().yamlName());
            overrides.put("identity.user_assigned_identities", identity.userAssignedIdentityIds().stream()
                    .map(id -> "{resource_id: " + yamlString(id) + "}").collect(Collectors.joining(", ", "[", "]")));
        }
    }

    /** {@code '[system]'} or comma-separated resource ids, as {@code az ml computetarget} takes them. */
    static ClusterIdentity assigned(String text) {
        String value = text.trim();
        if (value.equalsIgnoreCase("[system]")) {
            return ClusterIdentity.SYSTEM_ASSIGNED;
        }
        List<String> ids = Arrays.stream(value.split(",")).map(String::trim).filter(id -> !id.isEmpty()).toList();
        if (ids.isEmpty()) {
            throw ValidationException.of("identities", "required", Message.of("invalid.cli.identities-required"));
        }
        return ClusterIdentity.userAssigned(ids);
    }

    /** A flag's text as a YAML string, so that it is never read as a number or a mapping. */
    static String yamlString(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    /** SSH options: given at creation only. */
    static final class SshOptions {
        @Option(names = "--admin-username", description = "Admin user of the nodes (SSH).")
        String adminUsername;

        @Option(names = {"--admin-password", "--admin-user-password"},
                description = "Admin password (SSH); never shown again.")
        String adminPassword;

        @Option(names = {"--ssh-key-value", "--admin-user-ssh-key"}, description = "An OpenSSH public key line.")
        String sshKeyValue;

        @Option(names = "--ssh-public-access-enabled", description = "Open the SSH port to the public (default: off).")
        boolean publicAccess;

        boolean given() {
            return adminUsername != null || adminPassword != null || sshKeyValue != null || publicAccess;
        }

        SshSettings toSettings() {
            return given() ? new SshSettings(publicAccess, adminUsername, adminPassword, sshKeyValue) : SshSettings.DISABLED;
        }

        void addTo(Map<String, String> overrides) {
            putString(overrides, "ssh_settings.admin_username", adminUsername);
            putString(overrides, "ssh_settings.admin_password", adminPassword);
            putString(overrides, "ssh_settings.ssh_key_value", sshKeyValue);
            if (publicAccess) {
                overrides.put("ssh_public_access_enabled", "true");
            }
        }
    }

    @Command(name = "create", description = {"Create a compute cluster, from flags or from an Azure ML v2 "
            + "amlCompute YAML file (-f).", "The v1 spellings work too: --min-nodes, --max-nodes, --vm-size, "
            + "--vm-priority lowpriority, --assign-identity '[system]'."}, mixinStandardHelpOptions = true)
    int create(@Option(names = {"-w", "--workspace"}, required = true, description = "Workspace name.") String workspace,
               @Option(names = {"-f", "--file"}, paramLabel = "FILE",
                       description = "An amlCompute YAML file (type: amlcompute); flags given with it override it.")
               Path file,
               @Option(names = "--set", paramLabel = "KEY=VALUE", description = "With -f: set a key of the file, as "
                       + "az ml does (--set max_instances=4, --set ssh_settings.admin_username=azureuser).")
               List<String> sets,
               @Option(names = {"-n", "--name"}, paramLabel = "NAME", description = "Cluster name (required without -f).") String name,
               @Option(names = {"-s", "--size", "--vm-size"}, paramLabel = "SIZE",
                       description = "VM size (default: " + VmCatalog.DEFAULT_SIZE + ").") String size,
               @Option(names = {"--tier", "--vm-priority"}, paramLabel = "TIER",
                       description = "dedicated or low_priority; lowpriority works too (default: dedicated).") String tier,
               @Option(names = {"--min-instances", "--min-nodes"}, paramLabel = "COUNT",
                       description = "Minimum nodes (default 0).") Integer min,
               @Option(names = {"--max-instances", "--max-nodes"}, paramLabel = "COUNT", description = "Maximum nodes (default "
                       + ClusterSpec.DEFAULT_MAX_NODES + ", as the v1 docs and the SDK; the v2 YAML docs say 1).")
               Integer max,
               @Option(names = {"--idle-time-before-scale-down", "--idle-seconds-before-scaledown"},
                       paramLabel = "SECONDS", description = "Idle seconds before a node is removed (default 120).")
               Long idleSeconds,
               @Option(names = {"--location", "--compute-location"}, paramLabel = "REGION", description = "Region (default: the workspace's).")
               String location,
               @Option(names = "--description", description = "Description.") String description,
               @Option(names = "--tags", arity = "1..*", paramLabel = "KEY=VALUE", description = "Tags.") List<String> tags,
               @Option(names = "--vnet-name", description = "Virtual network (recorded only).") String vnet,
               @Option(names = {"--subnet", "--subnet-name"}, description = "Subnet (recorded only).") String subnet,
               @ArgGroup(exclusive = false) IdentityOptions identity,
               @ArgGroup(exclusive = false) SshOptions ssh,
               @Mixin OutputOption output) {
        if (file != null) {
            Map<String, String> overrides = new LinkedHashMap<>();
            putString(overrides, "name", name);
            putString(overrides, "size", size);
            putString(overrides, "tier", tier);
            putValue(overrides, "min_instances", min);
            putValue(overrides, "max_instances", max);
            putValue(overrides, "idle_time_before_scale_down", idleSeconds);
            putString(overrides, "location", location);
            putString(overrides, "description", description);
            KeyValues.parse("tags", tags).forEach((key, value) -> putString(overrides, "tags." + key, value));
            putString(overrides, "network_settings.vnet_name", vnet);
            putString(overrides, "network_settings.subnet", subnet);
            if (identity != null) {
                identity.addTo(overrides);
            }
            if (ssh != null) {
                ssh.addTo(overrides);
            }
            overrides.putAll(KeyValues.parse("set", sets));
            ClusterFiles.Imported imported = context.backend().specFiles().createCluster(workspace, file, overrides);
            imported.fileWarnings().forEach(warning -> context.err().println("warning: " + warning.message()));
            imported.quotaWarnings().forEach(warning -> context.err().println("warning: " + warning.english()));
            print(workspace, imported.cluster(), output);
            return ExitCodes.OK;
        }
        if (sets != null && !sets.isEmpty()) {
            throw ValidationException.of("set", "needs-file", Message.of("invalid.cli.set-needs-file"));
        }
        if (name == null) {
            throw ValidationException.of("name", "required", Message.of("invalid.cli.compute-name-required"));
        }
        String tierText = tier == null ? VmTier.DEDICATED.yamlName() : tier;
        VmTier parsedTier = VmTier.parse(tierText).orElseThrow(() -> ValidationException.of("tier", "tier",
                Message.of("invalid.cluster.tier", tierText)));
        ClusterIdentity clusterIdentity = identity == null ? null : identity.toIdentity();
        ClusterSpec spec = new ClusterSpec(size == null ? VmCatalog.DEFAULT_SIZE : size, parsedTier,
                min == null ? 0 : min, max == null ? ClusterSpec.DEFAULT_MAX_NODES : max,
                idleSeconds == null ? ClusterSpec.DEFAULT_IDLE_TIME : Duration.ofSeconds(idleSeconds),
                ssh == null ? SshSettings.DISABLED : ssh.toSettings(), new NetworkSettings(vnet, subnet),
                clusterIdentity == null ? ClusterIdentity.NONE : clusterIdentity,
                KeyValues.parse("tags", tags), description, location);
        ComputeService.Created created = context.backend().compute().create(workspace, name, spec);
        created.warnings().forEach(warning -> context.err().println("warning: " + warning.english()));
        print(workspace, created.cluster(), output);
        return ExitCodes.OK;
    }

    private static void putString(Map<String, String> overrides, String key, String value) {
        if (value != null) {
            overrides.put(key, yamlString(value));
        }
    }

    private static void putValue(Map<String, String> overrides, String key, Number value) {
        if (value != null) {
            overrides.put(key, value.toString());
        }
    }

    @Command(name = "update", description = "Change scale settings or identity (SSH cannot change).",
            mixinStandardHelpOptions = true)
    int update(@Option(names = {"-w", "--workspace"}, required = true, description = "Workspace name.") String workspace,
               @Option(names = {"-n", "--name"}, required = true, description = "Cluster name.") String name,
               @Option(names = {"--min-instances", "--min-nodes"}, paramLabel = "COUNT", description = "Minimum nodes.") Integer min,
               @Option(names = {"--max-instances", "--max-nodes"}, paramLabel = "COUNT", description = "Maximum nodes.") Integer max,
               @Option(names = {"--idle-time-before-scale-down", "--idle-seconds-before-scaledown"},
                       paramLabel = "SECONDS", description = "Idle seconds before a node is removed.") Long idleSeconds,
               @ArgGroup(exclusive = false) IdentityOptions identity,
               @ArgGroup(exclusive = false) SshOptions ssh,
               @Mixin OutputOption output) {
        ComputeCluster updated = context.backend().compute().update(workspace, name, new ComputeService.Update(
                min, max, idleSeconds == null ? null : Duration.ofSeconds(idleSeconds),
                identity == null ? null : identity.toIdentity(), ssh != null && ssh.given()));
        print(workspace, updated, output);
        return ExitCodes.OK;
    }

    @Command(name = "show", description = "Show a cluster.", mixinStandardHelpOptions = true)
    int show(@Option(names = {"-w", "--workspace"}, required = true, description = "Workspace name.") String workspace,
             @Option(names = {"-n", "--name"}, required = true, description = "Cluster name.") String name,
             @Mixin OutputOption output) {
        print(workspace, context.backend().compute().show(workspace, name), output);
        return ExitCodes.OK;
    }

    @Command(name = "list", description = "List the workspace's compute.", mixinStandardHelpOptions = true)
    int list(@Option(names = {"-w", "--workspace"}, required = true, description = "Workspace name.") String workspace,
             @Mixin OutputOption output) {
        List<ComputeCluster> clusters = context.backend().compute().list(workspace);
        if (output.yaml()) {
            // One document per cluster; attached compute has no amlcompute form.
            context.out().print(clusters.stream().filter(cluster -> !cluster.isAttached())
                    .map(cluster -> context.backend().specFiles().clusterYaml(workspace, cluster.name()))
                    .collect(Collectors.joining("---\n")));
            context.out().flush();
        } else if (output.json()) {
            Workspace ws = context.backend().workspaces().show(workspace);
            Output.json(context.out(), clusters.stream().map(cluster -> RestViews.compute(ws, cluster)).toList());
        } else {
            table(clusters).print(context.out());
        }
        return ExitCodes.OK;
    }

    @Command(name = "list-nodes", description = "List a cluster's nodes.", mixinStandardHelpOptions = true)
    int listNodes(@Option(names = {"-w", "--workspace"}, required = true, description = "Workspace name.") String workspace,
                  @Option(names = {"-n", "--name"}, required = true, description = "Cluster name.") String name,
                  @Mixin OutputOption output) {
        List<Node> nodes = context.backend().compute().listNodes(workspace, name);
        if (output.json()) {
            Output.json(context.out(), nodes.stream().map(RestViews::node).toList());
        } else {
            Table table = new Table("NodeId", "State", "PrivateIp", "Port", "RunId");
            nodes.forEach(node -> table.row(node.id(), node.state().restName(), node.privateIpAddress(),
                    node.sshPort() == 0 ? "" : node.sshPort(), node.currentJob()));
            table.print(context.out());
        }
        return ExitCodes.OK;
    }

    @Command(name = "list-sizes", description = "List the VM sizes (with available quota when -w is given).",
            mixinStandardHelpOptions = true)
    int listSizes(@Option(names = {"-w", "--workspace"}, description = "Workspace, to show its available quota.")
                  String workspace,
                  @Mixin OutputOption output) {
        List<VmSize> sizes = context.backend().compute().listSizes();
        QuotaLedger ledger = workspace == null ? null : context.backend().quota().ledger(workspace);
        if (output.json()) {
            Output.json(context.out(), sizes.stream().map(size -> RestViews.size(size,
                    ledger == null ? -1 : ledger.limit(size.family()) - ledger.used(size.family()))).toList());
        } else {
            Table table = new Table("Name", "vCPUs", "MemoryGB", "GPUs", "Family", "Available", "USD/h", "USD/h low-pri");
            sizes.forEach(size -> table.row(size.name(), size.vCpus(), size.memoryGiB(),
                    size.gpus() == 0 ? "" : size.gpus() + " " + size.gpuModel(), size.family(),
                    ledger == null ? "" : ledger.limit(size.family()) - ledger.used(size.family()),
                    String.format(Locale.ROOT, "%.3f", size.dedicatedPricePerHour()),
                    String.format(Locale.ROOT, "%.3f", size.lowPriorityPricePerHour())));
            table.print(context.out());
        }
        return ExitCodes.OK;
    }

    @Command(name = "list-usage", description = "Quota usage of the workspace's region.", mixinStandardHelpOptions = true)
    int listUsage(@Option(names = {"-w", "--workspace"}, required = true, description = "Workspace name.") String workspace,
                  @Mixin OutputOption output) {
        List<QuotaUsage> usages = context.backend().quota().usage(workspace);
        if (output.json()) {
            Output.json(context.out(), usages.stream().map(RestViews::usage).toList());
        } else {
            Table table = new Table("Name", "CurrentValue", "Limit", "Unit", "Key");
            usages.forEach(u -> table.row(u.name(), u.currentValue(), u.limit(), u.unit(), u.key()));
            table.print(context.out());
        }
        return ExitCodes.OK;
    }

    @Command(name = "delete", description = "Delete a cluster; its nodes are removed first.",
            mixinStandardHelpOptions = true)
    int delete(@Option(names = {"-w", "--workspace"}, required = true, description = "Workspace name.") String workspace,
               @Option(names = {"-n", "--name"}, required = true, description = "Cluster name.") String name,
               @Option(names = "--no-wait", description = "Return while the nodes are still being removed.")
               boolean noWait) throws InterruptedException {
        Backend backend = context.backend();
        if (backend.compute().delete(workspace, name) || noWait) {
            context.out().println(noWait ? "Deleting compute '" + name + "'." : "Deleted compute '" + name + "'.");
            return ExitCodes.OK;
        }
        context.err().println("Removing the nodes of '" + name + "'...");
        try (EngineSession session = new EngineSession(backend.engine())) {
            boolean gone = session.awaitUntil(() -> backend.compute().list(workspace).stream()
                    .noneMatch(cluster -> cluster.name().equals(name)), DELETE_WAIT);
            if (!gone) {
                context.err().println("error: compute '" + name + "' is still being deleted after "
                        + DELETE_WAIT.toSeconds() + " s; is another engine stuck?");
                return ExitCodes.FAILURE;
            }
        }
        context.out().println("Deleted compute '" + name + "'.");
        return ExitCodes.OK;
    }

    @Command(name = "attach", description = "Attach existing compute by resource id.", mixinStandardHelpOptions = true)
    int attach(@Option(names = {"-w", "--workspace"}, required = true, description = "Workspace name.") String workspace,
               @Option(names = {"-n", "--name"}, required = true, description = "Name in this workspace.") String name,
               @Option(names = "--resource-id", required = true, description = "The compute's resource id.")
               String resourceId,
               @Mixin OutputOption output) {
        print(workspace, context.backend().compute().attach(workspace, name, resourceId), output);
        return ExitCodes.OK;
    }

    @Command(name = "detach", description = "Detach attached compute.", mixinStandardHelpOptions = true)
    int detach(@Option(names = {"-w", "--workspace"}, required = true, description = "Workspace name.") String workspace,
               @Option(names = {"-n", "--name"}, required = true, description = "Compute name.") String name) {
        context.backend().compute().detach(workspace, name);
        context.out().println("Detached compute '" + name + "'.");
        return ExitCodes.OK;
    }

    @Command(name = "preempt", description = "Preempt a low-priority node, as the platform may at any time.",
            mixinStandardHelpOptions = true)
    int preempt(@Option(names = {"-w", "--workspace"}, required = true, description = "Workspace name.") String workspace,
                @Option(names = {"-n", "--name"}, required = true, description = "Cluster name.") String name,
                @Option(names = "--node-id", description = "The node (default: a busy one).") String nodeId) {
        Node node = context.backend().compute().preempt(workspace, name, nodeId);
        context.out().println("Preempted node " + node.id() + (node.currentJob() == null ? "."
                : "; job '" + node.currentJob() + "' goes back to the queue and restarts."));
        return ExitCodes.OK;
    }

    @Command(name = "timeline", description = "A cluster's node timeline: each node's states over time, gone nodes "
            + "included.", mixinStandardHelpOptions = true)
    int timeline(@Option(names = {"-w", "--workspace"}, required = true, description = "Workspace name.") String workspace,
                 @Option(names = {"-n", "--name"}, required = true, description = "Cluster name.") String name,
                 @Option(names = "--since", paramLabel = "WHEN", description = "From a duration ago (30s, 10m, 1h, 2d) or "
                         + "an instant (2026-03-02T09:00:00Z); default: since the cluster was created.") String since,
                 @Option(names = {"-o", "--output"}, paramLabel = "FORMAT", defaultValue = "table",
                         description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
                 TimelineOutput.Format format) {
        TimelineOutput.print(context.backend().timeline(), workspace, name, since, format, context.out());
        return ExitCodes.OK;
    }

    private void print(String workspaceName, ComputeCluster cluster, OutputOption output) {
        if (output.yaml()) {
            context.out().print(context.backend().specFiles().clusterYaml(workspaceName, cluster.name()));
            context.out().flush();
            return;
        }
        if (output.json()) {
            Output.json(context.out(), RestViews.compute(context.backend().workspaces().show(workspaceName), cluster));
            return;
        }
        table(List.of(cluster)).print(context.out());
        cluster.status().errors().forEach(error ->
                context.out().println("error " + error.code() + ": " + error.message()));
    }

    private static Table table(List<ComputeCluster> clusters) {
        Table table = new Table("Name", "State", "Size", "Tier", "Nodes(cur/target)", "Min/Max", "Allocation", "Idle(s)");
        for (ComputeCluster cluster : clusters) {
            ClusterSpec spec = cluster.spec();
            if (cluster.isAttached()) {
                table.row(cluster.name(), cluster.status().provisioningState().restName(), "attached", "", "", "", "", "");
                continue;
            }
            table.row(cluster.name(), cluster.status().provisioningState().restName(), spec.size(),
                    spec.tier().yamlName(), cluster.status().currentNodeCount() + "/" + cluster.status().targetNodeCount(),
                    spec.minNodes() + "/" + spec.maxNodes(), cluster.status().allocationState().restName(),
                    spec.idleTimeBeforeScaleDown().toSeconds());
        }
        return table;
    }
}
