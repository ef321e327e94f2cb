package dev.computestudio.domain.port;

/** Every store of the product, as the composition root builds them over one database. */
public record Repositories(WorkspaceRepository workspaces, ClusterRepository clusters, NodeRepository nodes,
                           JobRepository jobs, QuotaRepository quota, LockRepository locks,
                           IdentityRepository identities, EventLog events, SettingsRepository settings,
                           EngineLease lease, UnitOfWork unitOfWork) {
}
