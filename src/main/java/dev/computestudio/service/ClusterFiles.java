package dev.computestudio.service;

import dev.computestudio.domain.ComputeCluster;
import dev.computestudio.domain.Message;
import dev.computestudio.domain.Problem;

import java.nio.file.Path;
import java.util.List;

/** Cluster YAML files in and out, as the compute screen needs them ("Import YAML...", "Export YAML"). */
public interface ClusterFiles {

    /**
     * A cluster created in the workspace from an amlCompute file; nothing is created when the file
     * is invalid (a {@link dev.computestudio.domain.ValidationException} says why, with lines).
     */
    Imported importCluster(String workspace, Path file);

    /** Writes a cluster's amlCompute YAML to a file. */
    void exportCluster(String workspace, String name, Path file);

    /**
     * @param quotaWarnings what the service says about the created cluster (it may never reach its max)
     * @param fileWarnings  keys of the file that were ignored, with their lines
     */
    record Imported(ComputeCluster cluster, List<Message> quotaWarnings, List<Problem> fileWarnings) {
        public Imported {
            quotaWarnings = List.copyOf(quotaWarnings);
            fileWarnings = List.copyOf(fileWarnings);
        }
    }
}
