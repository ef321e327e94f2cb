package dev.computestudio.cli;

import dev.computestudio.domain.ClusterError;
import dev.computestudio.domain.ClusterSpec;
import dev.computestudio.domain.ClusterStatus;
import dev.computestudio.domain.ComputeCluster;
import dev.computestudio.domain.Job;
import dev.computestudio.domain.Node;
import dev.computestudio.domain.NodeStateCounts;
import dev.computestudio.domain.QuotaUsage;
import dev.computestudio.domain.ResourceLock;
import dev.computestudio.domain.SystemAssignedIdentity;
import dev.computestudio.domain.VmSize;
import dev.computestudio.domain.Workspace;

import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Resources as the cloud's REST API names their fields, flattened so that scripts can read
 * {@code .currentNodeCount} directly. Secrets (the SSH password) never appear.
 */
final class RestViews {

    private RestViews() {
    }

    static Map<String, Object> workspace(Workspace workspace) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", workspace.resourceId());
        view.put("name", workspace.name());
        view.put("location", workspace.location());
        view.put("subscriptionId", workspace.subscriptionId());
        view.put("resourceGroup", workspace.resourceGroup());
        view.put("createdAt", text(workspace.createdAt()));
        return view;
    }

    static Map<String, Object> compute(Workspace workspace, ComputeCluster cluster) {
        ClusterSpec spec = cluster.spec();
        ClusterStatus status = cluster.status();
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", ComputeCluster.resourceId(workspace, cluster.name()));
        view.put("name", cluster.name());
        view.put("type", cluster.isAttached() ? "attached" : "amlcompute");
        view.put("computeType", "AmlCompute");
        view.put("location", spec.location());
        view.put("description", spec.description());
        view.put("tags", spec.tags());
        view.put("provisioningState", status.provisioningState().restName());
        if (cluster.isAttached()) {
            view.put("resourceId", cluster.attachedResourceId());
            return view;
        }
        view.put("vmSize", spec.size());
        view.put("vmPriority", spec.tier().restName());
        view.put("scaleSettings", Map.of(
                "minNodeCount", spec.minNodes(),
                "maxNodeCount", spec.maxNodes(),
                "nodeIdleTimeBeforeScaleDown", spec.idleTimeBeforeScaleDown().toString()));
        view.put("allocationState", status.allocationState().restName());
        view.put("allocationStateTransitionTime", text(status.allocationStateTransitionTime()));
        view.put("currentNodeCount", status.currentNodeCount());
        view.put("targetNodeCount", status.targetNodeCount());
        view.put("nodeStateCounts", counts(status.nodeStateCounts()));
        view.put("errors", status.errors().stream().map(RestViews::error).toList());
        view.put("remoteLoginPortPublicAccess", spec.ssh().publicAccessEnabled() ? "Enabled" : "Disabled");
        if (spec.ssh().adminUsername() != null) {
            view.put("userAccountCredentials", Map.of("adminUserName", spec.ssh().adminUsername()));
        }
        view.put("identity", identity(cluster));
        if (spec.network().vnetName() != null || spec.network().subnet() != null) {
            Map<String, Object> network = new LinkedHashMap<>();
            network.put("vnetName", spec.network().vnetName());
            network.put("subnet", spec.network().subnet());
            view.put("networkSettings", network);
        }
        view.put("createdAt", text(cluster.createdAt()));
        return view;
    }

    static Map<String, Object> node(Node node) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("nodeId", node.id());
        view.put("privateIpAddress", node.privateIpAddress());
        view.put("publicIpAddress", null);
        view.put("port", node.sshPort() == 0 ? null : node.sshPort());
        view.put("nodeState", node.state().restName());
        view.put("runId", node.currentJob());
        return view;
    }

    /** A job with the folder of each output, where its files are kept. */
    static Map<String, Object> job(Job job, Map<String, Path> outputFolders) {
        Map<String, Object> view = job(job);
        view.put("code", job.spec().code());
        Map<String, Object> inputs = new LinkedHashMap<>();
        job.spec().inputs().forEach((name, input) -> inputs.put(name, input.type().isPath()
                ? Map.of("type", input.type().yamlName(), "path", input.value())
                : Map.of("type", input.type().yamlName(), "value", input.value())));
        view.put("inputs", inputs);
        Map<String, Object> outputs = new LinkedHashMap<>();
        job.spec().outputs().forEach((name, output) -> outputs.put(name, Map.of("type", output.type().yamlName(),
                "path", outputFolders.get(name).toString())));
        view.put("outputs", outputs);
        return view;
    }

    static Map<String, Object> job(Job job) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("name", job.name());
        view.put("type", "command");
        view.put("displayName", job.spec().displayName() == null ? job.name() : job.spec().displayName());
        view.put("experimentName", job.spec().experimentName());
        view.put("status", job.status().restName());
        view.put("compute", "azureml:" + job.spec().compute());
        view.put("command", job.spec().command());
        view.put("environment", job.spec().image());
        view.put("environmentVariables", job.spec().environmentVariables());
        view.put("instanceCount", job.spec().instanceCount());
        view.put("timeout", job.spec().timeout() == null ? null : job.spec().timeout().toSeconds());
        view.put("attempt", job.attempt());
        view.put("nodeIds", job.nodeIds());
        view.put("createdAt", text(job.createdAt()));
        view.put("startedAt", text(job.startedAt()));
        view.put("endedAt", text(job.endedAt()));
        view.put("exitCode", job.exitCode());
        view.put("error", job.error() == null ? null : job.error().english());
        return view;
    }

    static Map<String, Object> usage(QuotaUsage usage) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("name", Map.of("value", usage.key(), "localizedValue", usage.name()));
        view.put("currentValue", usage.currentValue());
        view.put("limit", usage.limit());
        view.put("unit", usage.unit());
        return view;
    }

    static Map<String, Object> lock(Workspace workspace, ResourceLock lock) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", workspace.resourceGroupId() + "/providers/Microsoft.Authorization/locks/" + lock.name());
        view.put("name", lock.name());
        view.put("level", lock.level().restName());
        view.put("notes", lock.notes());
        view.put("effect", lock.level().effect() + "; the workspace's clusters cannot scale");
        return view;
    }

    static Map<String, Object> size(VmSize size, long availableVCpus) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("name", size.name());
        view.put("vCPUs", size.vCpus());
        view.put("memoryGB", size.memoryGiB());
        view.put("gpus", size.gpus());
        view.put("family", size.family());
        view.put("availableFamilyVCpus", availableVCpus);
        view.put("estimatedDedicatedPricePerHour", size.dedicatedPricePerHour());
        view.put("estimatedLowPriorityPricePerHour", size.lowPriorityPricePerHour());
        return view;
    }

    private static Map<String, Object> counts(NodeStateCounts counts) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("idleNodeCount", counts.idle());
        view.put("runningNodeCount", counts.running());
        view.put("preparingNodeCount", counts.preparing());
        view.put("unusableNodeCount", counts.unusable());
        view.put("leavingNodeCount", counts.leaving());
        view.put("preemptedNodeCount", counts.preempted());
        return view;
    }

    private static Map<String, Object> error(ClusterError error) {
        return Map.of("code", error.code(), "message", error.message());
    }

    static Map<String, Object> identity(ComputeCluster cluster) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("type", cluster.spec().identity().type().restName());
        SystemAssignedIdentity system = cluster.systemIdentity();
        if (system != null) {
            view.put("principalId", system.principalId());
            view.put("tenantId", system.tenantId());
            view.put("clientId", system.clientId());
        }
        List<String> userAssigned = cluster.spec().identity().userAssignedIdentityIds();
        if (!userAssigned.isEmpty()) {
            Map<String, Object> ids = new LinkedHashMap<>();
            userAssigned.forEach(id -> ids.put(id, Map.of()));
            view.put("userAssignedIdentities", ids);
        }
        return view;
    }

    private static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
