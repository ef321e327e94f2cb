package dev.computestudio.cli;

/** {@code -o}: a table for people, JSON with the cloud's REST field names for scripts. */
public enum OutputFormat {
    TABLE, JSON
}
