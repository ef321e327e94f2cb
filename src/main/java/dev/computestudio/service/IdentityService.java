package dev.computestudio.service;

import dev.computestudio.domain.ComputeCluster;
import dev.computestudio.domain.ConflictException;
import dev.computestudio.domain.IssuedToken;
import dev.computestudio.domain.ManagedIdentity;
import dev.computestudio.domain.Message;
import dev.computestudio.domain.NotFoundException;
import dev.computestudio.domain.Problems;
import dev.computestudio.domain.UserAssignedIdentity;
import dev.computestudio.domain.Workspace;
import dev.computestudio.domain.port.ClusterRepository;
import dev.computestudio.domain.port.IdentityRepository;
import dev.computestudio.domain.port.TokenProbe;
import dev.computestudio.domain.port.WorkspaceRepository;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

/**
 * Managed identities of a workspace: user-assigned identities as resources of their own, what
 * identities each cluster gives its jobs, and asking for a token as such a job would.
 */
public final class IdentityService {

    /** The audience the cloud's examples ask for: Azure Resource Manager. */
    public static final String DEFAULT_RESOURCE = "https://management.azure.com/";

    private final WorkspaceRepository workspaces;
    private final IdentityRepository identities;
    private final ClusterRepository clusters;
    private final LockService locks;
    private final Installation installation;
    private final TokenProbe probe;
    private final Clock clock;

    public IdentityService(WorkspaceRepository workspaces, IdentityRepository identities, ClusterRepository clusters,
                           LockService locks, Installation installation, TokenProbe probe, Clock clock) {
        this.workspaces = workspaces;
        this.identities = identities;
        this.clusters = clusters;
        this.locks = locks;
        this.installation = installation;
        this.probe = probe;
        this.clock = clock;
    }

    /** A cluster and the identities its jobs can get tokens for, the default one first. */
    public record ClusterIdentities(ComputeCluster cluster, List<ManagedIdentity> identities) {

        public ClusterIdentities {
            identities = List.copyOf(identities);
        }
    }

    /** Creates a user-assigned identity with new client and principal ids in this installation's tenant. */
    public UserAssignedIdentity create(String workspaceName, String name) {
        Workspace workspace = workspaces.require(workspaceName);
        new Problems().addAll(UserAssignedIdentity.checkName("name", name)).throwIfAny();
        locks.checkWritable(workspaceName, Message.of("action.identity.create", name));
        UserAssignedIdentity identity = new UserAssignedIdentity(workspaceName, name,
                UserAssignedIdentity.resourceIdFor(workspace, name), UUID.randomUUID().toString(),
                UUID.randomUUID().toString(), installation.tenantId(), clock.instant());
        identities.insert(identity);
        return identity;
    }

    public List<UserAssignedIdentity> list(String workspace) {
        workspaces.require(workspace);
        return identities.list(workspace);
    }

    public UserAssignedIdentity show(String workspace, String name) {
        workspaces.require(workspace);
        return identities.find(workspace, name).orElseThrow(() -> new NotFoundException("name",
                Message.of("notfound.identity", name, workspace)));
    }

    /** Refused while a cluster still uses the identity: the message names the clusters. */
    public void delete(String workspace, String name) {
        UserAssignedIdentity identity = show(workspace, name);
        List<String> users = clusters.list(workspace).stream()
                .filter(cluster -> cluster.spec().identity().userAssignedIdentityIds().stream()
                        .anyMatch(id -> id.equalsIgnoreCase(identity.resourceId())))
                .map(ComputeCluster::name).toList();
        if (!users.isEmpty()) {
            throw new ConflictException("name", Message.of(users.size() == 1 ? "conflict.identity.in-use"
                    : "conflict.identity.in-use-by-several", name, String.join("', '", users), workspace,
                    users.get(0)));
        }
        locks.checkDeletable(workspace, Message.of("action.identity.delete", name));
        identities.delete(workspace, name);
    }

    /** Every managed cluster of the workspace with the identities its jobs get, in name order. */
    public List<ClusterIdentities> clusterIdentities(String workspaceName) {
        Workspace workspace = workspaces.require(workspaceName);
        List<UserAssignedIdentity> known = identities.list(workspaceName);
        return clusters.list(workspaceName).stream().filter(cluster -> !cluster.isAttached())
                .map(cluster -> new ClusterIdentities(cluster, ManagedIdentity.of(workspace, cluster, known)))
                .toList();
    }

    /**
     * Asks the token endpoint for a token as a job on the cluster would, and returns it decoded
     * and verified. The endpoint's refusals (no identity, an identity the cluster does not have)
     * come back as {@link ConflictException}.
     *
     * @param resource the audience; null or blank for {@value #DEFAULT_RESOURCE}
     * @param clientId the identity to ask for; null or blank for the cluster's default one
     */
    public IssuedToken requestToken(String workspace, String cluster, String resource, String clientId) {
        workspaces.require(workspace);
        clusters.find(workspace, cluster).orElseThrow(() -> new NotFoundException("cluster",
                Message.of("notfound.compute", cluster, workspace)));
        String audience = resource == null || resource.isBlank() ? DEFAULT_RESOURCE : resource.trim();
        checkAudience(audience);
        return probe.requestAsJobOn(workspace, cluster, audience,
                clientId == null || clientId.isBlank() ? null : clientId.trim());
    }

    private static void checkAudience(String audience) {
        Problems problems = new Problems();
        try {
            URI uri = new URI(audience);
            if (uri.getScheme() == null || !(uri.getScheme().equals("https") || uri.getScheme().equals("http")
                    || uri.getScheme().equals("api"))) {
                problems.add("resource", "uri", Message.of("invalid.identity.resource-uri", DEFAULT_RESOURCE));
            }
        } catch (URISyntaxException e) {
            problems.add("resource", "uri", Message.of("invalid.identity.resource-uri", DEFAULT_RESOURCE));
        }
        problems.throwIfAny();
    }
}
