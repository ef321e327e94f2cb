package dev.computestudio.engine;

import dev.computestudio.domain.ClusterError;
import dev.computestudio.domain.ClusterStatus;
import dev.computestudio.domain.ComputeCluster;
import dev.computestudio.domain.Job;
import dev.computestudio.domain.JobFiles;
import dev.computestudio.domain.JobStatus;
import dev.computestudio.domain.Message;
import dev.computestudio.domain.Node;
import dev.computestudio.domain.NodeState;
import dev.computestudio.domain.ProvisioningState;
import dev.computestudio.domain.QuotaLedger;
import dev.computestudio.domain.ScaleDecisions;
import dev.computestudio.domain.VmCatalog;
import dev.computestudio.domain.VmSize;
import dev.computestudio.domain.Workspace;
import dev.computestudio.domain.port.JobIdentity;
import dev.computestudio.domain.port.NodeRunner;
import dev.computestudio.domain.port.Repositories;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.random.RandomGenerator;
import java.util.stream.Collectors;

/**
 * One pass of the engine: compares what is wanted (queued jobs, cluster settings) with what is
 * (nodes, running ranks, quota, locks) and acts, cluster by cluster. Only the lease holder runs
 * it, always on one thread.
 */
public final class Reconciler {

    private static final Logger LOG = LoggerFactory.getLogger(Reconciler.class);
    /**
     * How long the nodes of a deleted cluster take to leave: the cloud's take minutes; a few
     * seconds let whoever deleted it see it Deleting, its nodes leaving, rather than vanish.
     */
    static final Duration DELETION_DRAIN = Duration.ofSeconds(3);
    static final Message UNSTARTED = Message.of("reason.job.unstarted");

    private final Repositories stores;
    private final VmCatalog catalog;
    private final NodeRunner runner;
    private final Clock clock;
    private final Recorder recorder;
    private final JobSupervisor supervisor;
    private final Placer placer;
    private final Autoscaler autoscaler;
    private final Recovery recovery;
    private final InactionNotes inaction;
    private final UnfinishedJobs unfinished;
    private final Queue<RankExit> exits = new ConcurrentLinkedQueue<>();
    private volatile Runnable onRankExit = () -> { };
    private Message lastRunnerProblem;

    public Reconciler(Repositories stores, VmCatalog catalog, NodeRunner runner, JobFiles files, Clock clock,
                      EngineSettings settings, RandomGenerator random) {
        this(stores, catalog, runner, files, clock, settings, random, JobIdentity.NONE);
    }

    /** @param identity gives each job rank its managed-identity variables (MSI_ENDPOINT, MSI_SECRET, ...) */
    public Reconciler(Repositories stores, VmCatalog catalog, NodeRunner runner, JobFiles files, Clock clock,
                      EngineSettings settings, RandomGenerator random, JobIdentity identity) {
        this.stores = stores;
        this.catalog = catalog;
        this.runner = runner;
        this.clock = clock;
        this.recorder = new Recorder(stores.nodes(), stores.jobs(), stores.events());
        this.supervisor = new JobSupervisor(runner, recorder);
        this.placer = new Placer(new JobLauncher(runner, files, this::rankExited, identity), supervisor, recorder);
        this.autoscaler = new Autoscaler(runner, stores.nodes(), recorder, settings, random);
        this.recovery = new Recovery(stores, runner, recorder);
        this.inaction = new InactionNotes(recorder);
        this.unfinished = new UnfinishedJobs(stores.jobs());
    }

    /** Cleans up after a previous lease holder; run once when this engine takes the lease. */
    public void recover() {
        exits.clear();
        // One unit, committed with its events at the end: a crash while recovering leaves no row
        // changed without the event that says why.
        stores.unitOfWork().run(() -> recovery.recover(clock.instant()));
        unfinished.reload();
    }

    /** Called on a runner's thread when a rank ends: queued for the next pass, which it asks for. */
    private void rankExited(RankExit exit) {
        exits.add(exit);
        onRankExit.run();
    }

    void onRankExit(Runnable wake) {
        this.onRankExit = wake;
    }

    /** The runner in use, e.g. "process". */
    public String runnerName() {
        return runner.name();
    }

    /**
     * One pass over every cluster, its writes committed together at the end. When a pass fails
     * midway, the next one reads every unfinished job again rather than trust what it holds.
     */
    public void reconcile() {
        try {
            stores.unitOfWork().run(this::reconcileAll);
        } catch (RuntimeException e) {
            unfinished.reload();
            throw e;
        }
    }

    private void reconcileAll() {
        Instant now = clock.instant();
        boolean reloaded = unfinished.refresh();
        Map<String, List<RankExit>> exitsByWorkspace = drainExits();
        Message runnerProblem = runner.healthProblem();
        if (runnerProblem != null && !runnerProblem.equals(lastRunnerProblem)) {
            LOG.warn("the node runner cannot run anything: {}", runnerProblem);
        } else if (runnerProblem == null && lastRunnerProblem != null) {
            LOG.info("the node runner answers again; cleaning up what it left");
            recovery.stopUnknown();
        }
        lastRunnerProblem = runnerProblem;
        Map<String, Workspace> workspaces = stores.workspaces().list().stream()
                .collect(Collectors.toMap(Workspace::name, workspace -> workspace));
        unfinished.retainWorkspaces(workspaces.keySet());
        Map<String, List<ComputeCluster>> clustersByWorkspace = stores.clusters().listAll().stream()
                .collect(Collectors.groupingBy(ComputeCluster::workspace));
        Map<String, List<Node>> nodesByCluster = stores.nodes().listPresent().stream()
                .collect(Collectors.groupingBy(node -> UnfinishedJobs.key(node.workspace(), node.cluster())));
        for (Map.Entry<String, List<ComputeCluster>> entry : clustersByWorkspace.entrySet()) {
            Workspace workspace = workspaces.get(entry.getKey());
            if (workspace != null) {
                reconcileWorkspace(workspace, entry.getValue(), nodesByCluster,
                        exitsByWorkspace.getOrDefault(entry.getKey(), List.of()), runnerProblem, reloaded, now);
            }
        }
        placer.startPlaced(this::commitSoFar);
        failJobsWithoutCompute(clustersByWorkspace, now);
        recorder.flush();
    }

    private void reconcileWorkspace(Workspace workspace, List<ComputeCluster> clusters,
                                    Map<String, List<Node>> nodesByCluster, List<RankExit> rankExits,
                                    Message runnerProblem, boolean reloaded, Instant now) {
        Map<String, Integer> counts = new HashMap<>();
        for (ComputeCluster cluster : clusters) {
            List<Node> nodes = nodesOf(cluster, nodesByCluster);
            counts.put(cluster.name(), (int) nodes.stream().filter(n -> n.state() != NodeState.PREEMPTED).count());
        }
        QuotaLedger quota = new QuotaLedger(catalog, stores.quota().limits(workspace.name()), clusters, counts);
        var locks = stores.locks().list(workspace.name());
        for (ComputeCluster cluster : clusters) {
            Optional<VmSize> size = catalog.find(cluster.spec().size());
            if (size.isEmpty()) {
                continue;
            }
            ClusterPass pass = new ClusterPass(cluster, workspace, size.get(), nodesOf(cluster, nodesByCluster),
                    unfinished.of(workspace.name(), cluster.name()), locks, quota, now);
            try {
                if (reloaded) {
                    requeueUnstarted(pass);
                }
                if (runnerProblem == null) {
                    reconcileCluster(pass, rankExits);
                } else {
                    loseNodes(pass, runnerProblem);
                }
            } catch (RuntimeException e) {
                LOG.error("reconciling {} failed; the next pass tries again", pass.key(), e);
                unfinished.reload();
            }
        }
    }

    private static List<Node> nodesOf(ComputeCluster cluster, Map<String, List<Node>> nodesByCluster) {
        return nodesByCluster.getOrDefault(UnfinishedJobs.key(cluster.workspace(), cluster.name()), List.of());
    }

    private void reconcileCluster(ClusterPass pass, List<RankExit> rankExits) {
        if (pass.cluster.status().provisioningState() == ProvisioningState.DELETING) {
            tearDown(pass);
            return;
        }
        rankExits.stream().filter(exit -> pass.job(exit.jobName()) != null)
                .forEach(exit -> supervisor.rankExited(pass, exit));
        supervisor.cancelAndTimeOut(pass);
        autoscaler.preemptAtRandom(pass);
        supervisor.requeueFromPreemptedNodes(pass);
        autoscaler.reclaim(pass);
        autoscaler.startPreparingNodes(pass);
        placer.failImpossible(pass);
        placer.placeQueuedJobs(pass);
        Autoscaler.Decision decision = autoscaler.scale(pass);
        placer.placeQueuedJobs(pass);
        ClusterStatus status = autoscaler.status(pass, decision);
        inaction.note(pass);
        if (!status.equals(pass.cluster.status())) {
            stores.clusters().updateAllocation(pass.cluster.workspace(), pass.cluster.name(), status);
        }
    }

    /**
     * The runner cannot run anything (its engine is gone): the cluster's nodes are unusable and
     * their jobs wait in the queue until it comes back, when unusable nodes are replaced.
     */
    private void loseNodes(ClusterPass pass, Message unavailable) {
        supervisor.nodesLost(pass, unavailable);
        ClusterStatus status = autoscaler.status(pass, new Autoscaler.Decision(0,
                List.of(new ClusterError(ClusterError.RUNNER_UNAVAILABLE, unavailable))));
        if (!status.equals(pass.cluster.status())) {
            stores.clusters().updateAllocation(pass.cluster.workspace(), pass.cluster.name(), status);
        }
    }

    /**
     * A cluster being deleted: its jobs fail and its nodes leave; after {@link #DELETION_DRAIN}
     * they are gone, then the cluster itself. It stays Deleting in between, as the cloud's does
     * while it drains.
     */
    private void tearDown(ClusterPass pass) {
        for (Job job : List.copyOf(pass.jobs)) {
            supervisor.end(pass, job, endWithoutCompute(job), null,
                    Message.of("reason.job.compute-deleted", pass.cluster.name()));
        }
        Message deleted = Message.of("reason.cluster.deleted");
        List<Node> draining = List.copyOf(pass.nodes);
        for (Node node : draining) {
            if (node.state() != NodeState.LEAVING) {
                autoscaler.startLeaving(pass, node, deleted);
            } else if (!pass.now.isBefore(node.stateSince().plus(DELETION_DRAIN))) {
                autoscaler.finishLeaving(pass, node, deleted);
            }
        }
        if (!pass.nodes.isEmpty()) {
            stores.clusters().updateAllocation(pass.cluster.workspace(), pass.cluster.name(),
                    autoscaler.status(pass, new Autoscaler.Decision(0, List.of())));
            return;
        }
        inaction.forget(pass);
        recorder.cluster(pass.now, pass.cluster.workspace(), pass.cluster.name(), ScaleDecisions.DELETED, deleted);
        recorder.flush();
        stores.nodes().deleteCluster(pass.cluster.workspace(), pass.cluster.name());
        stores.clusters().delete(pass.cluster.workspace(), pass.cluster.name());
    }

    /**
     * Commits the pass's writes so far with their events: a crash after this commit must not
     * leave a node or job stored without the history of how it got there.
     */
    private void commitSoFar() {
        recorder.flush();
        stores.unitOfWork().commitSoFar();
    }

    /**
     * A job found Preparing when the jobs are read again never started: the pass that placed it
     * failed before starting it (placed jobs start in the pass that places them). Its nodes were
     * reserved in that pass only; it goes back to the queue.
     */
    private void requeueUnstarted(ClusterPass pass) {
        for (Job job : List.copyOf(pass.jobs)) {
            if (job.status() == JobStatus.PREPARING) {
                pass.replace(job, recorder.job(job, job.requeued(UNSTARTED, pass.now), pass.now, UNSTARTED));
            }
        }
    }

    /** Queued jobs whose compute no longer exists fail with the reason instead of waiting forever. */
    private void failJobsWithoutCompute(Map<String, List<ComputeCluster>> clustersByWorkspace, Instant now) {
        Set<String> existing = clustersByWorkspace.values().stream().flatMap(List::stream)
                .map(cluster -> UnfinishedJobs.key(cluster.workspace(), cluster.name())).collect(Collectors.toSet());
        for (Map.Entry<String, LinkedHashMap<String, Job>> entry : unfinished.all().entrySet()) {
            if (existing.contains(entry.getKey())) {
                continue;
            }
            for (Job job : List.copyOf(entry.getValue().values())) {
                if (!Recorder.holdsNodes(job)) {
                    Message error = Message.of("reason.job.compute-missing", job.spec().compute(), job.workspace());
                    recorder.job(job, job.finished(endWithoutCompute(job), null, error, now), now,
                            Message.of("reason.job.no-compute"));
                    entry.getValue().remove(job.name()); // ended, or changed by its user: the notes bring it back
                }
            }
        }
    }

    /** A job whose compute is gone fails, unless its user already asked to cancel it. */
    private static JobStatus endWithoutCompute(Job job) {
        return job.status() == JobStatus.CANCEL_REQUESTED ? JobStatus.CANCELED : JobStatus.FAILED;
    }

    private Map<String, List<RankExit>> drainExits() {
        List<RankExit> drained = new ArrayList<>();
        for (RankExit exit = exits.poll(); exit != null; exit = exits.poll()) {
            drained.add(exit);
        }
        return drained.stream().collect(Collectors.groupingBy(RankExit::workspace));
    }
}
