package dev.computestudio.domain.port;

import dev.computestudio.domain.ComputeCluster;
import dev.computestudio.domain.Job;
import dev.computestudio.domain.Node;

import java.util.Map;

/**
 * Gives each rank of a job the variables its code uses to get managed-identity tokens, as the
 * cloud does: {@code MSI_ENDPOINT}, {@code MSI_SECRET} (a secret for that node and attempt) and
 * {@code DEFAULT_IDENTITY_CLIENT_ID}.
 */
@FunctionalInterface
public interface JobIdentity {

    /** No endpoint: jobs get no identity variables. */
    JobIdentity NONE = (cluster, job, node) -> Map.of();

    /** Issues the node's secret for this attempt and returns the variables to add to the rank's environment. */
    Map<String, String> variablesFor(ComputeCluster cluster, Job job, Node node);
}
