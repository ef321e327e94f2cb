package dev.computestudio.infra.persistence;

import dev.computestudio.domain.AllocationState;
import dev.computestudio.domain.ClusterIdentity;
import dev.computestudio.domain.ClusterSpec;
import dev.computestudio.domain.ClusterStatus;
import dev.computestudio.domain.ComputeCluster;
import dev.computestudio.domain.ConflictException;
import dev.computestudio.domain.IdentityType;
import dev.computestudio.domain.Message;
import dev.computestudio.domain.NetworkSettings;
import dev.computestudio.domain.NodeStateCounts;
import dev.computestudio.domain.NotFoundException;
import dev.computestudio.domain.ProvisioningState;
import dev.computestudio.domain.SshSettings;
import dev.computestudio.domain.SystemAssignedIdentity;
import dev.computestudio.domain.VmTier;
import dev.computestudio.domain.port.ClusterRepository;

import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/** Compute clusters, one row each: spec, status and system identity in columns, lists and maps as JSON. */
final class JdbcClusterRepository implements ClusterRepository {

    // These column lists and the binders that fill them keep the same order.
    private static final String SPEC_COLUMNS = """
            size, tier, min_nodes, max_nodes, idle_seconds,
            ssh_public_access_enabled, ssh_admin_username, ssh_admin_password, ssh_key_value,
            vnet_name, subnet, identity_type, user_assigned_identity_ids, tags, description, location""";
    private static final String STATUS_COLUMNS = """
            provisioning_state, allocation_state, allocation_transition_at, current_node_count, target_node_count,
            idle_node_count, running_node_count, preparing_node_count, unusable_node_count, leaving_node_count,
            preempted_node_count, errors""";
    private static final String SYSTEM_IDENTITY_COLUMNS = "system_principal_id, system_tenant_id, system_client_id";

    /** What {@link #update} replaces. */
    private static final String MUTABLE_COLUMNS = SPEC_COLUMNS + ", " + STATUS_COLUMNS + ", " + SYSTEM_IDENTITY_COLUMNS;
    private static final String COLUMNS = "workspace, name, " + MUTABLE_COLUMNS + ", attached_resource_id, created_at";

    private static final String SELECT = "SELECT " + COLUMNS + " FROM clusters";
    private static final String INSERT =
            "INSERT INTO clusters (" + COLUMNS + ") VALUES (" + Jdbc.placeholders(COLUMNS) + ")";
    private static final String UPDATE = "UPDATE clusters SET (" + MUTABLE_COLUMNS + ") = ("
            + Jdbc.placeholders(MUTABLE_COLUMNS) + ") WHERE workspace = ? AND name = ?";
    /** The engine's write: allocation and counts only, so a spec change or a delete made meanwhile stays. */
    private static final String ALLOCATION_COLUMNS = STATUS_COLUMNS.substring(STATUS_COLUMNS.indexOf(',') + 1).trim();
    private static final String UPDATE_ALLOCATION = "UPDATE clusters SET (" + ALLOCATION_COLUMNS + ") = ("
            + Jdbc.placeholders(ALLOCATION_COLUMNS) + ") WHERE workspace = ? AND name = ?";

    private final Jdbc jdbc;

    JdbcClusterRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void insert(ComputeCluster cluster) {
        jdbc.update(INSERT, p -> {
            p.text(cluster.workspace()).text(cluster.name());
            bindSpec(p, cluster.spec());
            bindStatus(p, cluster.status());
            bindSystemIdentity(p, cluster.systemIdentity());
            p.text(cluster.attachedResourceId()).instant(cluster.createdAt());
        }, () -> conflictWith(cluster));
    }

    @Override
    public void update(ComputeCluster cluster) {
        int changed = jdbc.update(UPDATE, p -> {
            bindSpec(p, cluster.spec());
            bindStatus(p, cluster.status());
            bindSystemIdentity(p, cluster.systemIdentity());
            p.text(cluster.workspace()).text(cluster.name());
        });
        if (changed == 0) {
            throw new NotFoundException("name", Message.of("notfound.compute", cluster.name(), cluster.workspace()));
        }
    }

    @Override
    public Optional<ComputeCluster> find(String workspace, String name) {
        return jdbc.first(SELECT + " WHERE workspace = ? AND name = ?", p -> p.text(workspace).text(name),
                JdbcClusterRepository::map);
    }

    @Override
    public List<ComputeCluster> list(String workspace) {
        return jdbc.list(SELECT + " WHERE workspace = ? ORDER BY name", p -> p.text(workspace),
                JdbcClusterRepository::map);
    }

    /** By workspace, then name. */
    @Override
    public List<ComputeCluster> listAll() {
        return jdbc.list(SELECT + " ORDER BY workspace, name", p -> { }, JdbcClusterRepository::map);
    }

    @Override
    public Optional<ComputeCluster> findByAttachedResourceId(String workspace, String resourceId) {
        return jdbc.first(SELECT + " WHERE workspace = ? AND attached_resource_id = ?",
                p -> p.text(workspace).text(resourceId), JdbcClusterRepository::map);
    }

    /** Its nodes must be deleted first ({@code NodeRepository.deleteCluster}). */
    @Override
    public boolean delete(String workspace, String name) {
        return jdbc.update("DELETE FROM clusters WHERE workspace = ? AND name = ?", p -> p.text(workspace).text(name),
                () -> new ConflictException("", Message.of("conflict.compute.has-nodes", name))) > 0;
    }

    /** Either the name is taken or the resource is attached under another name; says which. */
    private ConflictException conflictWith(ComputeCluster cluster) {
        ConflictException nameTaken = new ConflictException("name",
                Message.of("conflict.compute.name-taken", cluster.workspace(), cluster.name()));
        if (cluster.attachedResourceId() == null || find(cluster.workspace(), cluster.name()).isPresent()) {
            return nameTaken;
        }
        return findByAttachedResourceId(cluster.workspace(), cluster.attachedResourceId())
                .map(other -> new ConflictException("resource_id", Message.of("conflict.compute.attached-as",
                        cluster.attachedResourceId(), other.name())))
                .orElse(nameTaken);
    }

    private static void bindSpec(Params p, ClusterSpec spec) throws SQLException {
        SshSettings ssh = spec.ssh();
        p.text(spec.size()).name(spec.tier()).integer(spec.minNodes()).integer(spec.maxNodes())
                .seconds(spec.idleTimeBeforeScaleDown())
                .bool(ssh.publicAccessEnabled()).text(ssh.adminUsername()).text(ssh.adminPassword())
                .text(ssh.sshKeyValue())
                .text(spec.network().vnetName()).text(spec.network().subnet())
                .name(spec.identity().type()).json(spec.identity().userAssignedIdentityIds())
                .json(spec.tags()).text(spec.description()).text(spec.location());
    }

    @Override
    public void updateAllocation(String workspace, String name, ClusterStatus status) {
        jdbc.update(UPDATE_ALLOCATION, p -> {
            bindAllocation(p, status);
            p.text(workspace).text(name);
        });
    }

    private static void bindStatus(Params p, ClusterStatus status) throws SQLException {
        p.name(status.provisioningState());
        bindAllocation(p, status);
    }

    private static void bindAllocation(Params p, ClusterStatus status) throws SQLException {
        NodeStateCounts counts = status.nodeStateCounts();
        p.name(status.allocationState())
                .instant(status.allocationStateTransitionTime())
                .integer(status.currentNodeCount()).integer(status.targetNodeCount())
                .integer(counts.idle()).integer(counts.running()).integer(counts.preparing())
                .integer(counts.unusable()).integer(counts.leaving()).integer(counts.preempted())
                .text(Json.errors(status.errors()));
    }

    private static void bindSystemIdentity(Params p, SystemAssignedIdentity identity) throws SQLException {
        if (identity == null) {
            p.text(null).text(null).text(null);
        } else {
            p.text(identity.principalId()).text(identity.tenantId()).text(identity.clientId());
        }
    }

    private static ComputeCluster map(Row row) throws SQLException {
        ClusterSpec spec = new ClusterSpec(row.text("size"), row.name("tier", VmTier.class),
                row.integer("min_nodes"), row.integer("max_nodes"), row.seconds("idle_seconds"),
                new SshSettings(row.bool("ssh_public_access_enabled"), row.text("ssh_admin_username"),
                        row.text("ssh_admin_password"), row.text("ssh_key_value")),
                new NetworkSettings(row.text("vnet_name"), row.text("subnet")),
                new ClusterIdentity(row.name("identity_type", IdentityType.class),
                        Json.strings(row.text("user_assigned_identity_ids"))),
                Json.stringMap(row.text("tags")), row.text("description"), row.text("location"));
        ClusterStatus status = new ClusterStatus(row.name("provisioning_state", ProvisioningState.class),
                row.name("allocation_state", AllocationState.class), row.instant("allocation_transition_at"),
                row.integer("current_node_count"), row.integer("target_node_count"),
                new NodeStateCounts(row.integer("idle_node_count"), row.integer("running_node_count"),
                        row.integer("preparing_node_count"), row.integer("unusable_node_count"),
                        row.integer("leaving_node_count"), row.integer("preempted_node_count")),
                Json.errors(row.text("errors")));
        String principalId = row.text("system_principal_id");
        SystemAssignedIdentity systemIdentity = principalId == null ? null
                : new SystemAssignedIdentity(principalId, row.text("system_tenant_id"), row.text("system_client_id"));
        return new ComputeCluster(row.text("workspace"), row.text("name"), spec, status, systemIdentity,
                row.text("attached_resource_id"), row.instant("created_at"));
    }
}
