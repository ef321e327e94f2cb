-- The node timeline asks, for each node of a cluster, for its last event before the start of the
-- window it shows (the state the node was in then). This index makes each of those a seek.
CREATE INDEX event_log_node_history ON event_log (workspace, cluster, node_id, at DESC, seq DESC);
