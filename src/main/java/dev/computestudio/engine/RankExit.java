package dev.computestudio.engine;

/** One job rank ended with this exit code; heard on a runner thread, applied on the engine's. */
record RankExit(String workspace, String jobName, int attempt, String nodeId, int exitCode) {
}
