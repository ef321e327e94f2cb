package dev.computestudio.engine;

import dev.computestudio.domain.Job;
import dev.computestudio.domain.port.JobRepository;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The unfinished jobs of every cluster, in queue order, held between passes. Reading all of them
 * each pass cost more than the rest of the pass with thousands queued; instead the engine reads
 * them once when it takes the lease and then only the jobs users submitted or changed since (the
 * notes {@link JobRepository#takeNoted} returns). The engine's own changes are applied here as it
 * makes them, through {@link ClusterPass}.
 */
final class UnfinishedJobs {

    private final JobRepository jobs;
    /** Job name to job, per "workspace/cluster". */
    private Map<String, LinkedHashMap<String, Job>> byCluster = new HashMap<>();
    /** Until loaded, and again after a pass failed: the next {@link #refresh} reads everything. */
    private boolean stale = true;
    /** The workspaces present at the last pass. */
    private Set<String> workspaces = Set.of();

    UnfinishedJobs(JobRepository jobs) {
        this.jobs = jobs;
    }

    /** Reads everything again at the next {@link #refresh}: this engine just took the lease, or a pass failed midway. */
    void reload() {
        stale = true;
    }

    /**
     * Brings the jobs up to date with the database: all of them after {@link #reload}, else only
     * what users changed.
     *
     * @return whether all were read
     */
    boolean refresh() {
        if (!stale) {
            jobs.takeNoted().forEach(this::put);
            return false;
        }
        jobs.takeNoted(); // the full read below holds what they note
        byCluster = new HashMap<>();
        stale = false;
        workspaces = Set.of();
        jobs.listUnfinished().forEach(this::put);
        return true;
    }

    /** The jobs of one cluster, live: a {@link ClusterPass} changes them in place. */
    LinkedHashMap<String, Job> of(String workspace, String cluster) {
        return byCluster.computeIfAbsent(key(workspace, cluster), k -> new LinkedHashMap<>());
    }

    /** Every cluster key that has unfinished jobs, with them. */
    Map<String, LinkedHashMap<String, Job>> all() {
        byCluster.values().removeIf(Map::isEmpty);
        return byCluster;
    }

    /** Forgets the jobs of workspaces that are gone (their rows went with them); looks only when one went. */
    void retainWorkspaces(Set<String> present) {
        if (!present.containsAll(workspaces)) {
            byCluster.values().forEach(jobsOfCluster -> jobsOfCluster.values()
                    .removeIf(job -> !present.contains(job.workspace())));
        }
        workspaces = Set.copyOf(present);
    }

    static String key(String workspace, String cluster) {
        return workspace + "/" + cluster;
    }

    private void put(Job job) {
        LinkedHashMap<String, Job> jobsOfCluster = of(job.workspace(), job.spec().compute());
        if (job.status().isFinal()) {
            jobsOfCluster.remove(job.name());
        } else {
            jobsOfCluster.put(job.name(), job); // a known job keeps its place in the queue
        }
    }
}
