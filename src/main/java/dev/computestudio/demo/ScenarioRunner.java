package dev.computestudio.demo;

import dev.computestudio.domain.ClusterError;
import dev.computestudio.domain.ClusterIdentity;
import dev.computestudio.domain.ClusterSpec;
import dev.computestudio.domain.ComputeCluster;
import dev.computestudio.domain.ConflictException;
import dev.computestudio.domain.IssuedToken;
import dev.computestudio.domain.Job;
import dev.computestudio.domain.JobSpec;
import dev.computestudio.domain.LockLevel;
import dev.computestudio.domain.Node;
import dev.computestudio.domain.NotFoundException;
import dev.computestudio.domain.ResourceLock;
import dev.computestudio.domain.UserAssignedIdentity;
import dev.computestudio.domain.ValidationException;
import dev.computestudio.domain.VmSize;
import dev.computestudio.domain.VmTier;
import dev.computestudio.service.IdentityService;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Plays a scenario step by step with the real services (the engine runs in this process or in
 * another one on the same database). Every wait has a deadline, so a step never hangs; {@link #stop}
 * ends a wait early; {@link #cleanUp} removes everything the scenario made.
 */
public final class ScenarioRunner {

    /** What a player shows: the words to say, the screen a step is about, the workspace in use, results. */
    public interface Listener {
        default void narration(int index, String text) {
        }

        default void screen(String screen) {
        }

        default void workspace(String workspace) {
        }

        default void result(StepResult result) {
        }

        Listener NONE = new Listener() {
        };
    }

    private static final Duration POLL = Duration.ofMillis(150);
    /** However fast the clock runs, a wait gives the real world (processes, curl) at least this long. */
    private static final Duration REAL_FLOOR = Duration.ofSeconds(30);
    private static final int DEFAULT_WITHIN_SECONDS = 300;
    private static final Duration CLEAN_JOBS = Duration.ofSeconds(30);
    private static final Duration CLEAN_CLUSTERS = Duration.ofSeconds(60);

    private final Scenario scenario;
    private final DemoServices services;
    private final Locale language;
    private final Listener listener;
    private final DemoTexts texts;
    private volatile boolean stopped;
    private int next;

    public ScenarioRunner(Scenario scenario, DemoServices services, Locale language, Listener listener) {
        this.scenario = scenario;
        this.services = services;
        this.language = language;
        this.listener = listener;
        this.texts = new DemoTexts(language);
    }

    public Scenario scenario() {
        return scenario;
    }

    /** The index of the step {@link #runNext} runs. */
    public synchronized int nextIndex() {
        return next;
    }

    public synchronized boolean finished() {
        return next >= scenario.steps().size();
    }

    /** Runs the next step, blocking until it is done (a wait until its condition holds or its deadline). */
    public StepResult runNext() {
        int index;
        synchronized (this) {
            if (finished()) {
                throw new IllegalStateException("the scenario has no more steps");
            }
            index = next++;
        }
        stopped = false;
        Step step = scenario.steps().get(index);
        if (step.screen() != null) {
            listener.screen(step.screen());
        }
        String said = step.say().in(language);
        if (!said.isBlank()) {
            listener.narration(index, said);
        }
        StepResult result;
        try {
            result = new StepResult(index, step, true, perform(step));
        } catch (WaitFailed e) {
            result = new StepResult(index, step, false, e.getMessage());
        } catch (ValidationException | ConflictException | NotFoundException | ScenarioException e) {
            result = new StepResult(index, step, false, texts.get("result.error", e.getMessage()));
        } catch (RuntimeException e) {
            result = new StepResult(index, step, false, texts.get("result.error", String.valueOf(e.getMessage())));
        }
        listener.result(result);
        return result;
    }

    /** Ends a wait that is under way (it fails saying it was stopped); the next step runs normally. */
    public void stop() {
        stopped = true;
    }

    /** Plays every step; stops at the first failed one, then cleans up. */
    public Outcome runAll() {
        List<StepResult> results = new ArrayList<>();
        while (!finished()) {
            StepResult result = runNext();
            results.add(result);
            if (!result.ok()) {
                break;
            }
        }
        return new Outcome(results, cleanUp());
    }

    /** Every step's result and the clean-up's. */
    public record Outcome(List<StepResult> results, CleanUp cleanUp) {
        public boolean passed() {
            return results.stream().allMatch(StepResult::ok) && cleanUp.complete();
        }
    }

    /** What the clean-up did; {@code complete} is false when something could not be removed in time. */
    public record CleanUp(List<String> messages, boolean complete) {
    }

    private String perform(Step step) {
        String ws = scenario.workspace();
        return switch (step.action()) {
            case NARRATE -> "";
            case CREATE_WORKSPACE -> {
                if (services.workspaces().list().stream().anyMatch(w -> w.name().equals(ws))) {
                    CleanUp leftovers = cleanUp();
                    if (!leftovers.complete()) {
                        throw new ScenarioException(String.join("; ", leftovers.messages()));
                    }
                }
                services.workspaces().create(ws, step.optional("location").orElse(null), null);
                listener.workspace(ws);
                yield texts.get("result.workspace", ws);
            }
            case CREATE_CLUSTER -> createCluster(ws, step);
            case CREATE_IDENTITY -> {
                UserAssignedIdentity identity = services.identities().create(ws, step.param("identity"));
                yield texts.get("result.identity", identity.name(), identity.clientId());
            }
            case CREATE_LOCK -> {
                String level = step.optional("level").orElse("CanNotDelete");
                LockLevel parsed = LockLevel.parse(level).orElseThrow(() -> new ScenarioException(
                        "'" + level + "' is not a lock level; use CanNotDelete or ReadOnly"));
                ResourceLock lock = services.locks().create(ws, step.param("lock"), parsed,
                        step.optional("notes").orElse(null));
                yield texts.get("result.lock", lock.name(), lock.level().restName());
            }
            case DELETE_LOCK -> {
                services.locks().delete(ws, step.param("lock"));
                yield texts.get("result.lockDeleted", step.param("lock"));
            }
            case SET_QUOTA -> {
                int limit = step.intParam("limit", 0);
                services.quota().setLimit(ws, step.param("key"), limit);
                yield texts.get("result.quota", step.param("key"), String.valueOf(limit));
            }
            case SUBMIT_JOB -> {
                Job job = services.jobs().submit(ws, new JobSpec(step.param("job"), null, "demo-" + scenario.id(),
                        step.param("compute"), step.param("command"), null, step.intParam("instances", 1), Map.of(),
                        null, null));
                yield texts.get("result.job", job.name(), job.spec().compute());
            }
            case PREEMPT -> {
                Node node = services.compute().preempt(ws, step.param("cluster"), step.optional("node").orElse(null));
                yield texts.get("result.preempt", node.id(), node.currentJob() == null ? "-" : node.currentJob());
            }
            case REQUEST_TOKEN -> requestToken(ws, step);
            case COMPARE_COST -> compareCost(step);
            case WAIT -> await(ws, step);
        };
    }

    private String createCluster(String ws, Step step) {
        VmTier tier = VmTier.parse(step.optional("tier").orElse("dedicated")).orElseThrow(() ->
                new ScenarioException("tier must be dedicated or low_priority"));
        ClusterSpec spec = ClusterSpec.defaults(step.param("size")).withTier(tier)
                .withScale(step.intParam("min", 0), step.intParam("max", ClusterSpec.DEFAULT_MAX_NODES),
                        Duration.ofSeconds(step.intParam("idle_seconds", 120)));
        String identity = step.optional("identity").orElse("none");
        if (identity.equals("system")) {
            spec = spec.withIdentity(ClusterIdentity.SYSTEM_ASSIGNED);
        } else if (identity.startsWith("user:")) {
            UserAssignedIdentity user = services.identities().show(ws, identity.substring("user:".length()));
            spec = spec.withIdentity(ClusterIdentity.userAssigned(List.of(user.resourceId())));
        }
        ComputeCluster cluster = services.compute().create(ws, step.param("cluster"), spec).cluster();
        return texts.get("result.cluster", cluster.name(), cluster.spec().size(), cluster.spec().tier().yamlName(),
                String.valueOf(spec.minNodes()), String.valueOf(spec.maxNodes()),
                String.valueOf(spec.idleTimeBeforeScaleDown().toSeconds()));
    }

    private String requestToken(String ws, Step step) {
        IssuedToken token = services.identities().requestToken(ws, step.param("cluster"),
                step.optional("resource").orElse(IdentityService.DEFAULT_RESOURCE), null);
        String claims = List.of("aud", "iss", "appid", "oid", "xms_mirid").stream()
                .filter(token.claims()::containsKey)
                .map(claim -> claim + "=" + token.claims().get(claim))
                .collect(Collectors.joining(", "));
        return texts.get(token.signatureVerified() ? "result.token" : "result.tokenUnverified", claims);
    }

    private String compareCost(Step step) {
        String sizeName = step.param("size");
        VmSize size = services.compute().listSizes().stream().filter(s -> s.name().equalsIgnoreCase(sizeName))
                .findFirst().orElseThrow(() -> new ScenarioException("'" + sizeName + "' is not a VM size"));
        int nodes = step.intParam("nodes", 1);
        double dedicated = size.pricePerHour(VmTier.DEDICATED) * nodes;
        double low = size.pricePerHour(VmTier.LOW_PRIORITY) * nodes;
        long saving = dedicated == 0 ? 0 : Math.round(100 * (dedicated - low) / dedicated);
        return texts.get("result.cost", size.name(), String.valueOf(nodes), String.format(language, "%.2f", dedicated),
                String.format(language, "%.2f", low), String.valueOf(saving));
    }

    // --- Waiting for what the engine does -------------------------------------------------------

    private String await(String ws, Step step) {
        Supplier<Observation> condition = condition(ws, step);
        Duration within = Duration.ofSeconds(step.intParam("within", DEFAULT_WITHIN_SECONDS));
        Duration realFloor = within.compareTo(REAL_FLOOR) < 0 ? within : REAL_FLOOR;
        Instant demoStart = services.clock().instant();
        long realStart = System.nanoTime();
        while (true) {
            Observation seen = condition.get();
            Duration real = Duration.ofNanos(System.nanoTime() - realStart);
            Duration demo = Duration.between(demoStart, services.clock().instant());
            if (seen.holds()) {
                return texts.get("result.waitOk", seconds(real), seconds(demo), seen.description());
            }
            if (stopped) {
                throw new WaitFailed(texts.get("result.waitStopped", seen.description()));
            }
            if (demo.compareTo(within) > 0 && real.compareTo(realFloor) > 0) {
                throw new WaitFailed(texts.get("result.waitFailed", String.valueOf(within.toSeconds()),
                        seen.description()));
            }
            sleep(POLL);
        }
    }

    private record Observation(boolean holds, String description) {
    }

    private Supplier<Observation> condition(String ws, Step step) {
        String until = step.param("until");
        return switch (until) {
            case "nodes" -> {
                String cluster = step.param("cluster");
                Optional<String> exact = step.optional("count");
                int atLeast = step.intParam("at_least", -1);
                if (exact.isEmpty() && atLeast < 0) {
                    throw new ScenarioException("wait until nodes needs 'count' or 'at_least'");
                }
                yield () -> {
                    List<Node> nodes = services.compute().listNodes(ws, cluster);
                    String states = nodes.stream().map(n -> n.state().restName()).collect(Collectors.joining(", "));
                    boolean holds = exact.map(c -> nodes.size() == Integer.parseInt(c)).orElse(nodes.size() >= atLeast);
                    return new Observation(holds, texts.get("observe.nodes", cluster, String.valueOf(nodes.size()),
                            states.isEmpty() ? "-" : states));
                };
            }
            case "job" -> {
                String job = step.param("job");
                String status = step.param("status");
                int attempt = step.intParam("attempt", 0);
                yield () -> {
                    Job seen = services.jobs().show(ws, job);
                    boolean holds = seen.status().restName().equalsIgnoreCase(status) && seen.attempt() >= attempt;
                    return new Observation(holds, texts.get("observe.job", job, seen.status().restName(),
                            String.valueOf(seen.attempt()), seen.error() == null ? "" : seen.error()));
                };
            }
            case "cluster_error" -> {
                String cluster = step.param("cluster");
                String code = step.param("code");
                boolean present = Boolean.parseBoolean(step.optional("present").orElse("true"));
                yield () -> {
                    List<ClusterError> errors = services.compute().show(ws, cluster).status().errors();
                    Optional<ClusterError> found = errors.stream().filter(e -> e.code().equals(code)).findFirst();
                    String shown = found.map(e -> e.code() + ": " + e.message()).orElse(errors.isEmpty() ? "-"
                            : errors.stream().map(ClusterError::code).collect(Collectors.joining(", ")));
                    return new Observation(found.isPresent() == present, texts.get("observe.errors", cluster, shown));
                };
            }
            case "allocation" -> {
                String cluster = step.param("cluster");
                String state = step.param("state");
                int current = step.intParam("current", -1);
                int target = step.intParam("target", -1);
                yield () -> {
                    var status = services.compute().show(ws, cluster).status();
                    boolean holds = status.allocationState().restName().equalsIgnoreCase(state)
                            && (current < 0 || status.currentNodeCount() == current)
                            && (target < 0 || status.targetNodeCount() == target);
                    return new Observation(holds, texts.get("observe.allocation", cluster,
                            status.allocationState().restName(), String.valueOf(status.currentNodeCount()),
                            String.valueOf(status.targetNodeCount())));
                };
            }
            case "log" -> {
                String job = step.param("job");
                String wanted = step.param("contains");
                yield () -> {
                    Job seen = services.jobs().show(ws, job);
                    String log = seen.attempt() == 0 ? "" : services.jobs().readLog(ws, job, seen.attempt(), 0).text();
                    String last = log.strip().lines().reduce((a, b) -> b).orElse("-");
                    return new Observation(log.contains(wanted), texts.get("observe.log", job, last));
                };
            }
            default -> throw new ScenarioException("wait until '" + until
                    + "' is not known; use nodes, job, cluster_error, allocation or log");
        };
    }

    // --- Clean-up --------------------------------------------------------------------------------

    /**
     * Removes what the scenario made, in the order the platform allows: locks, running jobs,
     * clusters (their nodes stopped by the engine), identities, then the workspace. Each wait has
     * a deadline and says what is left when it passes.
     */
    public CleanUp cleanUp() {
        String ws = scenario.workspace();
        List<String> messages = new ArrayList<>();
        if (services.workspaces().list().stream().noneMatch(w -> w.name().equals(ws))) {
            return new CleanUp(List.of(texts.get("cleanup.nothing", ws)), true);
        }
        boolean paused = services.clock().paused();
        services.clock().resume();
        try {
            for (ResourceLock lock : services.locks().list(ws)) {
                services.locks().delete(ws, lock.name());
                messages.add(texts.get("cleanup.lock", lock.name()));
            }
            for (Job job : services.jobs().list(ws)) {
                if (!job.status().isFinal() && job.status() != dev.computestudio.domain.JobStatus.CANCEL_REQUESTED) {
                    services.jobs().cancel(ws, job.name());
                    messages.add(texts.get("cleanup.job", job.name()));
                }
            }
            if (!until(() -> services.jobs().list(ws).stream().allMatch(j -> j.status().isFinal()), CLEAN_JOBS)) {
                String left = services.jobs().list(ws).stream().filter(j -> !j.status().isFinal())
                        .map(j -> j.name() + " (" + j.status().restName() + ")").collect(Collectors.joining(", "));
                messages.add(texts.get("cleanup.jobsTimeout", String.valueOf(CLEAN_JOBS.toSeconds()), left));
                return new CleanUp(messages, false);
            }
            for (ComputeCluster cluster : services.compute().list(ws)) {
                try {
                    services.compute().delete(ws, cluster.name());
                } catch (ConflictException e) {
                    // Already being deleted: the wait below sees it go.
                }
                messages.add(texts.get("cleanup.cluster", cluster.name()));
            }
            if (!until(() -> services.compute().list(ws).isEmpty(), CLEAN_CLUSTERS)) {
                String left = services.compute().list(ws).stream().map(c -> c.name() + " ("
                        + services.compute().listNodes(ws, c.name()).size() + ")").collect(Collectors.joining(", "));
                messages.add(texts.get("cleanup.clustersTimeout", String.valueOf(CLEAN_CLUSTERS.toSeconds()), left));
                return new CleanUp(messages, false);
            }
            for (UserAssignedIdentity identity : services.identities().list(ws)) {
                services.identities().delete(ws, identity.name());
                messages.add(texts.get("cleanup.identity", identity.name()));
            }
            services.workspaces().delete(ws);
            messages.add(texts.get("cleanup.workspace", ws));
            return new CleanUp(messages, true);
        } catch (RuntimeException e) {
            messages.add(texts.get("result.error", String.valueOf(e.getMessage())));
            return new CleanUp(messages, false);
        } finally {
            if (paused) {
                services.clock().pause();
            }
        }
    }

    private static boolean until(Supplier<Boolean> done, Duration deadline) {
        long end = System.nanoTime() + deadline.toNanos();
        while (!done.get()) {
            if (System.nanoTime() > end) {
                return false;
            }
            sleep(POLL);
        }
        return true;
    }

    private static String seconds(Duration duration) {
        return String.valueOf(Math.round(duration.toMillis() / 1000.0));
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ScenarioException("interrupted", e);
        }
    }

    /** A wait whose condition did not hold in time: the step's message says what was seen instead. */
    private static final class WaitFailed extends RuntimeException {
        WaitFailed(String message) {
            super(message);
        }
    }
}
