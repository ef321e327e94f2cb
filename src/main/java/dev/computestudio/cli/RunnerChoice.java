package dev.computestudio.cli;

/**
 * {@code --runner}: where nodes and jobs run. AUTO takes Docker when an engine answers
 * ({@code DOCKER_HOST} respected) and local processes otherwise.
 */
public enum RunnerChoice {
    AUTO, PROCESS, DOCKER
}
