package dev.computestudio.infra.persistence;

import dev.computestudio.domain.ConflictException;
import dev.computestudio.domain.Message;
import dev.computestudio.domain.Node;
import dev.computestudio.domain.NodeState;
import dev.computestudio.domain.NotFoundException;
import dev.computestudio.domain.port.NodeRepository;

import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Nodes, in creation order; insertion order breaks ties between nodes created at the same instant. */
final class JdbcNodeRepository implements NodeRepository {

    private static final String MUTABLE_COLUMNS =
            "state, private_ip_address, ssh_port, current_job, state_since, runner_handle, job_handle";
    private static final String COLUMNS = "id, workspace, cluster, created_at, " + MUTABLE_COLUMNS;

    private static final String SELECT = "SELECT " + COLUMNS + " FROM nodes";
    private static final String INSERT =
            "INSERT INTO nodes (" + COLUMNS + ") VALUES (" + Jdbc.placeholders(COLUMNS) + ")";
    private static final String UPDATE = "UPDATE nodes SET (" + MUTABLE_COLUMNS + ") = ("
            + Jdbc.placeholders(MUTABLE_COLUMNS) + ") WHERE id = ?";
    private static final String OLDEST_FIRST = " ORDER BY created_at, seq";

    private final Jdbc jdbc;

    JdbcNodeRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void insert(Node node) {
        jdbc.update(INSERT, p -> {
            p.text(node.id()).text(node.workspace()).text(node.cluster()).instant(node.createdAt());
            bindMutable(p, node);
        }, () -> new ConflictException("", Message.of("conflict.node.id-taken", node.id())));
    }

    /** Replaces state, address, port, job and handles; throws {@code NotFoundException} when it is gone. */
    @Override
    public void update(Node node) {
        int changed = jdbc.update(UPDATE, p -> {
            bindMutable(p, node);
            p.text(node.id());
        });
        if (changed == 0) {
            throw new NotFoundException("", Message.of("notfound.node", node.id()));
        }
    }

    @Override
    public Optional<Node> find(String nodeId) {
        return jdbc.first(SELECT + " WHERE id = ?", p -> p.text(nodeId), JdbcNodeRepository::map);
    }

    @Override
    public List<Node> listPresent(String workspace, String cluster) {
        return jdbc.list(SELECT + " WHERE workspace = ? AND cluster = ? AND state <> ?" + OLDEST_FIRST,
                p -> p.text(workspace).text(cluster).name(NodeState.GONE), JdbcNodeRepository::map);
    }

    @Override
    public List<Node> listPresent() {
        return jdbc.list(SELECT + " WHERE state <> ?" + OLDEST_FIRST, p -> p.name(NodeState.GONE),
                JdbcNodeRepository::map);
    }

    @Override
    public List<Node> listAll(String workspace, String cluster) {
        return jdbc.list(SELECT + " WHERE workspace = ? AND cluster = ?" + OLDEST_FIRST,
                p -> p.text(workspace).text(cluster), JdbcNodeRepository::map);
    }

    @Override
    public List<Node> listExisting(String workspace, String cluster, Instant from, Instant to) {
        return jdbc.list(SELECT + " WHERE workspace = ? AND cluster = ? AND created_at < ?"
                        + " AND (state <> ? OR state_since > ?)" + OLDEST_FIRST,
                p -> p.text(workspace).text(cluster).instant(to).name(NodeState.GONE).instant(from),
                JdbcNodeRepository::map);
    }

    @Override
    public void deleteCluster(String workspace, String cluster) {
        jdbc.update("DELETE FROM nodes WHERE workspace = ? AND cluster = ?", p -> p.text(workspace).text(cluster));
    }

    private static void bindMutable(Params p, Node node) throws SQLException {
        p.name(node.state()).text(node.privateIpAddress()).integer(node.sshPort()).text(node.currentJob())
                .instant(node.stateSince()).text(node.runnerHandle()).text(node.jobHandle());
    }

    private static Node map(Row row) throws SQLException {
        return new Node(row.text("id"), row.text("workspace"), row.text("cluster"), row.name("state", NodeState.class),
                row.text("private_ip_address"), row.integer("ssh_port"), row.text("current_job"),
                row.instant("created_at"), row.instant("state_since"), row.text("runner_handle"),
                row.text("job_handle"));
    }
}
