package dev.computestudio.cli;

/** {@code --runner}: which node runner to use; AUTO takes Docker when an engine answers. */
public enum RunnerChoice {
    AUTO, PROCESS, DOCKER
}
