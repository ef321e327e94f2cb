package dev.computestudio.cli;

/**
 * {@code -o}: a table for people, JSON with the cloud's REST field names for scripts, and YAML in
 * the Azure ML v2 schema (clusters and jobs only), which {@code create -f} accepts again.
 */
public enum OutputFormat {
    TABLE, JSON, YAML
}
