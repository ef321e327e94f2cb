package dev.computestudio.infra.persistence;

import dev.computestudio.domain.EventKind;
import dev.computestudio.domain.LogEvent;
import dev.computestudio.domain.Message;
import dev.computestudio.domain.port.EventLog;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The event log. Windows and a job's history come in time order (append order among events at the
 * same instant), as the timeline draws them; the live tail comes in sequence order.
 */
final class JdbcEventLog implements EventLog {

    // reason holds the English sentence of events written before texts had codes; newer ones leave it
    // empty and keep the code and its arguments instead, which is also cheaper to write.
    private static final String COLUMNS =
            "at, kind, workspace, cluster, node_id, job_name, state, attempt, reason, reason_code, reason_args";
    private static final String SELECT = "SELECT seq, " + COLUMNS + " FROM event_log";
    private static final String INSERT =
            "INSERT INTO event_log (" + COLUMNS + ") VALUES (" + Jdbc.placeholders(COLUMNS) + ")";

    // The ORDER BY names every column of event_log_node_history in its order: only then does H2 read
    // the first index entry and stop, instead of sorting all of the node's earlier events.
    private static final String LAST_NODE_EVENT = SELECT + " WHERE workspace = ? AND cluster = ? AND node_id = ?"
            + " AND at < ? AND kind = 'NODE' ORDER BY workspace, cluster, node_id, at DESC, seq DESC"
            + " FETCH FIRST 1 ROW ONLY";

    // Cluster events have no node: the same index, read from the newest entry without a node.
    private static final String LAST_CLUSTER_EVENT = SELECT + " WHERE workspace = ? AND cluster = ? AND node_id IS NULL"
            + " AND kind = 'CLUSTER' ORDER BY workspace, cluster, node_id, at DESC, seq DESC FETCH FIRST 1 ROW ONLY";

    private final Jdbc jdbc;

    JdbcEventLog(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void append(List<LogEvent> events) {
        if (events.isEmpty()) {
            return;
        }
        jdbc.inTransaction(INSERT, connection -> {
            // Appenders take this row lock in turn, so sequence numbers are committed in increasing
            // order and a reader of after() never steps past an event another process commits late.
            try (PreparedStatement lock = connection.prepareStatement(
                    "SELECT id FROM event_log_append_lock WHERE id = 1 FOR UPDATE")) {
                lock.executeQuery().close();
            }
            try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
                for (LogEvent event : events) {
                    bind(new Params(insert), event);
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        });
    }

    @Override
    public List<LogEvent> window(String workspace, String cluster, Instant from, Instant to) {
        return jdbc.list(SELECT + " WHERE workspace = ? AND cluster = ? AND at >= ? AND at < ? ORDER BY at, seq",
                p -> p.text(workspace).text(cluster).instant(from).instant(to), JdbcEventLog::map);
    }

    @Override
    public List<LogEvent> lastNodeEvents(String workspace, String cluster, Collection<String> nodeIds, Instant before) {
        List<LogEvent> found = new ArrayList<>();
        if (nodeIds.isEmpty()) {
            return found;
        }
        // One statement run per node on one connection: each run is a seek on event_log_node_history.
        jdbc.inTransaction(LAST_NODE_EVENT, connection -> {
            try (PreparedStatement last = connection.prepareStatement(LAST_NODE_EVENT)) {
                for (String nodeId : nodeIds) {
                    Params p = new Params(last);
                    p.text(workspace).text(cluster).text(nodeId).instant(before);
                    try (ResultSet result = last.executeQuery()) {
                        if (result.next()) {
                            found.add(map(new Row(result)));
                        }
                    }
                }
            }
        });
        return found;
    }

    @Override
    public Optional<LogEvent> lastClusterEvent(String workspace, String cluster) {
        return jdbc.first(LAST_CLUSTER_EVENT, p -> p.text(workspace).text(cluster), JdbcEventLog::map);
    }

    @Override
    public List<LogEvent> forJob(String workspace, String jobName) {
        return jdbc.list(SELECT + " WHERE workspace = ? AND job_name = ? ORDER BY at, seq",
                p -> p.text(workspace).text(jobName), JdbcEventLog::map);
    }

    @Override
    public List<LogEvent> after(long sequence, int limit) {
        return jdbc.list(SELECT + " WHERE seq > ? ORDER BY seq FETCH FIRST ? ROWS ONLY",
                p -> p.bigint(sequence).integer(limit), JdbcEventLog::map);
    }

    @Override
    public long latestSequence() {
        return jdbc.first("SELECT COALESCE(MAX(seq), 0) AS latest FROM event_log", p -> { },
                row -> row.bigint("latest")).orElse(0L);
    }

    private static void bind(Params p, LogEvent event) throws SQLException {
        Message reason = event.reason();
        p.instant(event.at()).name(event.kind()).text(event.workspace()).text(event.cluster()).text(event.nodeId())
                .text(event.jobName()).text(event.state()).integer(event.attempt()).text(null)
                .text(reason == null ? null : reason.code())
                .text(reason == null ? null : StoredMessages.arguments(reason));
    }

    private static LogEvent map(Row row) throws SQLException {
        return new LogEvent(row.bigint("seq"), row.instant("at"), row.name("kind", EventKind.class),
                row.text("workspace"), row.text("cluster"), row.text("node_id"), row.text("job_name"),
                row.text("state"), row.integer("attempt"), reason(row));
    }

    private static Message reason(Row row) throws SQLException {
        String code = row.text("reason_code");
        if (code != null) {
            return StoredMessages.read(code, row.text("reason_args"));
        }
        String recorded = row.text("reason");
        return recorded == null ? null : StoredMessages.recorded(recorded);
    }
}
