package dev.computestudio.cli;

/**
 * {@code --runner}: where nodes and jobs run. AUTO picks the best runner this machine offers;
 * this version has the process runner (nodes as slots, jobs as local processes).
 */
public enum RunnerChoice {
    AUTO, PROCESS
}
