package dev.computestudio.demo;

import dev.computestudio.domain.ClusterError;
import dev.computestudio.domain.ClusterIdentity;
import dev.computestudio.domain.ClusterSpec;
import dev.computestudio.domain.ComputeCluster;
import dev.computestudio.domain.ConflictException;
import dev.computestudio.domain.IssuedToken;
import dev.computestudio.domain.Job;
import dev.computestudio.domain.JobSpec;
import dev.computestudio.domain.JobStatus;
import dev.computestudio.domain.LockLevel;
import dev.computestudio.domain.Message;
import dev.computestudio.domain.Node;
import dev.computestudio.domain.NotFoundException;
import dev.computestudio.domain.ResourceLock;
import dev.computestudio.domain.UserAssignedIdentity;
import dev.computestudio.domain.ValidationException;
import dev.computestudio.domain.VmSize;
import dev.computestudio.domain.VmTier;
import dev.computestudio.service.IdentityService;

import java.math.BigDecimal;
import java.math.RoundingMode;
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
 * ends a wait early; {@link #cleanUp} removes everything the scenario made. What a step and the
 * clean-up did is told by code (for the studio, in its language) and in the runner's language (for
 * the command line).
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

        /** The object a step is about, shown before the step acts on one that exists, after it made a new one. */
        default void focus(Focus focus) {
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
    private final TimedJobs timedJobs;
    private volatile boolean stopped;
    /** The node the last preemption took, for the player to show. */
    private String preempted;
    private int next;
    /** How many steps have run to their end: the steps from here on are still to come. */
    private volatile int settled;

    public ScenarioRunner(Scenario scenario, DemoServices services, Locale language, Listener listener) {
        this.scenario = scenario;
        this.services = services;
        this.language = language;
        this.listener = listener;
        this.texts = new DemoTexts(language);
        this.timedJobs = new TimedJobs(scenario.workspace(), services.jobs(), services.clock(), this::neededRunning);
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
        focusBefore(step).ifPresent(listener::focus);
        String said = step.say().in(language);
        if (!said.isBlank()) {
            listener.narration(index, said);
        }
        StepResult result;
        // The demo clock runs only while a step runs: between steps, while the trainer explains, the
        // engine's idle times, provisioning and the scenario's jobs stand still.
        services.clock().resume();
        try {
            result = result(index, step, true, perform(step));
            focusAfter(step).ifPresent(listener::focus);
        } catch (StepFailed e) {
            result = result(index, step, false, e.text);
        } catch (RuntimeException e) {
            result = result(index, step, false, Message.of("demo.result.error", reason(e)));
        } finally {
            settled = index + 1;
            if (!finished()) {
                services.clock().pause();
            }
        }
        listener.result(result);
        return result;
    }

    private StepResult result(int index, Step step, boolean ok, Message text) {
        return new StepResult(index, step, ok, text, text == null ? "" : texts.format(text));
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

    /**
     * What the clean-up did; {@code complete} is false when something could not be removed in time.
     *
     * @param texts    each thing done, by code
     * @param messages the same in the runner's language
     */
    public record CleanUp(List<Message> texts, List<String> messages, boolean complete) {
    }

    private CleanUp cleanUp(List<Message> done, boolean complete) {
        return new CleanUp(List.copyOf(done), texts.format(done), complete);
    }

    /** What the step did, by code; null for a narration, which reports nothing. */
    private Message perform(Step step) {
        String ws = scenario.workspace();
        return switch (step.action()) {
            case NARRATE -> null;
            case CREATE_WORKSPACE -> {
                if (services.workspaces().list().stream().anyMatch(w -> w.name().equals(ws))) {
                    CleanUp leftovers = cleanUp();
                    if (!leftovers.complete()) {
                        throw new StepFailed(Message.of("demo.result.error", joined("demo.list.semicolons",
                                leftovers.texts())));
                    }
                }
                services.workspaces().create(ws, step.optional("location").orElse(null), null);
                listener.workspace(ws);
                yield Message.of("demo.result.workspace", ws);
            }
            case CREATE_CLUSTER -> createCluster(ws, step);
            case CREATE_IDENTITY -> {
                UserAssignedIdentity identity = services.identities().create(ws, step.param("identity"));
                yield Message.of("demo.result.identity", identity.name(), identity.clientId());
            }
            case CREATE_LOCK -> {
                String level = step.optional("level").orElse("CanNotDelete");
                LockLevel parsed = LockLevel.parse(level).orElseThrow(() -> new ScenarioException(
                        "'" + level + "' is not a lock level; use CanNotDelete or ReadOnly"));
                ResourceLock lock = services.locks().create(ws, step.param("lock"), parsed,
                        step.optional("notes").orElse(null));
                yield Message.of("demo.result.lock", lock.name(), lock.level());
            }
            case DELETE_LOCK -> {
                services.locks().delete(ws, step.param("lock"));
                yield Message.of("demo.result.lockDeleted", step.param("lock"));
            }
            case SET_QUOTA -> {
                int limit = step.intParam("limit", 0);
                services.quota().setLimit(ws, step.param("key"), limit);
                yield Message.of("demo.result.quota", step.param("key"), String.valueOf(limit));
            }
            case SUBMIT_JOB -> submitJob(ws, step);
            case PREEMPT -> {
                Node node = services.compute().preempt(ws, step.param("cluster"), step.optional("node").orElse(null));
                preempted = node.id();
                yield Message.of("demo.result.preempt", node.id(), node.currentJob() == null ? "-" : node.currentJob());
            }
            case REQUEST_TOKEN -> requestToken(ws, step);
            case COMPARE_COST -> compareCost(step);
            case WAIT -> await(ws, step);
        };
    }

    /**
     * Submits a job; one with {@code runs_for} works that many seconds of demo time between its
     * {@code command} and its {@code then}.
     */
    private Message submitJob(String ws, Step step) {
        int runsFor = step.intParam("runs_for", -1);
        String command = runsFor < 0 ? step.param("command")
                : TimedJobs.command(step.optional("command").orElse(""), step.optional("then").orElse(""));
        Job job = services.jobs().submit(ws, new JobSpec(step.param("job"), null, "demo-" + scenario.id(),
                step.param("compute"), command, null, step.intParam("instances", 1), Map.of(), null, null));
        if (runsFor >= 0) {
            timedJobs.add(new TimedJobs.Timed(job.name(), job.spec().compute(), Duration.ofSeconds(runsFor)));
        }
        return Message.of("demo.result.job", job.name(), job.spec().compute());
    }

    /**
     * Whether a step still to come needs the job running: a check that it runs, or a preemption or
     * token request on its cluster, before any check that it has ended or that reads its log.
     */
    private boolean neededRunning(TimedJobs.Timed job) {
        List<Step> steps = scenario.steps();
        for (int i = settled; i < steps.size(); i++) {
            Step step = steps.get(i);
            boolean onItsCluster = step.optional("cluster").map(job.cluster()::equals).orElse(false);
            if ((step.action() == Action.PREEMPT || step.action() == Action.REQUEST_TOKEN) && onItsCluster) {
                return true;
            }
            if (step.action() == Action.WAIT && step.optional("job").map(job.job()::equals).orElse(false)) {
                return step.param("until").equals("job")
                        && step.param("status").equalsIgnoreCase(JobStatus.RUNNING.restName());
            }
        }
        return false;
    }

    /** The object a step acts on, when it exists before the step. */
    private Optional<Focus> focusBefore(Step step) {
        return switch (step.action()) {
            case PREEMPT, REQUEST_TOKEN -> Optional.of(focus(Focus.Kind.CLUSTER, step.param("cluster")));
            case DELETE_LOCK -> Optional.of(focus(Focus.Kind.LOCK, step.param("lock")));
            case WAIT -> switch (step.param("until")) {
                case "job", "log" -> Optional.of(focus(Focus.Kind.JOB, step.param("job")));
                default -> step.optional("cluster").map(cluster -> focus(Focus.Kind.CLUSTER, cluster));
            };
            default -> Optional.empty();
        };
    }

    /** The object a step made, or the node a preemption took. */
    private Optional<Focus> focusAfter(Step step) {
        return switch (step.action()) {
            case CREATE_CLUSTER -> Optional.of(focus(Focus.Kind.CLUSTER, step.param("cluster")));
            case CREATE_IDENTITY -> Optional.of(focus(Focus.Kind.IDENTITY, step.param("identity")));
            case SET_QUOTA -> Optional.of(focus(Focus.Kind.QUOTA, step.param("key")));
            case CREATE_LOCK -> Optional.of(focus(Focus.Kind.LOCK, step.param("lock")));
            case SUBMIT_JOB -> Optional.of(focus(Focus.Kind.JOB, step.param("job")));
            case PREEMPT -> Optional.ofNullable(preempted).map(node -> new Focus(Focus.Kind.NODE,
                    scenario.workspace(), node, step.param("cluster")));
            default -> Optional.empty();
        };
    }

    private Focus focus(Focus.Kind kind, String name) {
        return new Focus(kind, scenario.workspace(), name, null);
    }

    private Message createCluster(String ws, Step step) {
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
        return Message.of("demo.result.cluster", cluster.name(), cluster.spec().size(), cluster.spec().tier(),
                String.valueOf(spec.minNodes()), String.valueOf(spec.maxNodes()),
                String.valueOf(spec.idleTimeBeforeScaleDown().toSeconds()));
    }

    private Message requestToken(String ws, Step step) {
        IssuedToken token = services.identities().requestToken(ws, step.param("cluster"),
                step.optional("resource").orElse(IdentityService.DEFAULT_RESOURCE), null);
        String claims = List.of("aud", "iss", "appid", "oid", "xms_mirid").stream()
                .filter(token.claims()::containsKey)
                .map(claim -> claim + "=" + token.claims().get(claim))
                .collect(Collectors.joining(", "));
        return token.signatureVerified() ? Message.of("demo.result.token", claims)
                : Message.of("demo.result.tokenUnverified", claims);
    }

    private Message compareCost(Step step) {
        String sizeName = step.param("size");
        VmSize size = services.compute().listSizes().stream().filter(s -> s.name().equalsIgnoreCase(sizeName))
                .findFirst().orElseThrow(() -> new ScenarioException("'" + sizeName + "' is not a VM size"));
        int nodes = step.intParam("nodes", 1);
        double dedicated = size.pricePerHour(VmTier.DEDICATED) * nodes;
        double low = size.pricePerHour(VmTier.LOW_PRIORITY) * nodes;
        long saving = dedicated == 0 ? 0 : Math.round(100 * (dedicated - low) / dedicated);
        return Message.of("demo.result.cost", size.name(), String.valueOf(nodes), dollars(dedicated), dollars(low),
                String.valueOf(saving));
    }

    /** An hourly price to the cent, rounded as a person would (half up); each language writes it its way. */
    private static BigDecimal dollars(double amount) {
        return BigDecimal.valueOf(amount).setScale(2, RoundingMode.HALF_UP);
    }

    // --- Waiting for what the engine does -------------------------------------------------------

    private Message await(String ws, Step step) {
        Supplier<Observation> condition = condition(ws, step);
        Duration within = Duration.ofSeconds(step.intParam("within", DEFAULT_WITHIN_SECONDS));
        Duration realFloor = within.compareTo(REAL_FLOOR) < 0 ? within : REAL_FLOOR;
        Instant demoStart = services.clock().instant();
        long realStart = System.nanoTime();
        for (boolean firstLook = true; ; firstLook = false) {
            Observation seen = condition.get();
            Duration real = Duration.ofNanos(System.nanoTime() - realStart);
            Duration demo = Duration.between(demoStart, services.clock().instant());
            if (seen.holds()) {
                return firstLook ? Message.of("demo.result.waitAtOnce", seen.description())
                        : Message.of("demo.result.waitOk", seconds(demo), seen.description());
            }
            if (stopped) {
                throw new StepFailed(Message.of("demo.result.waitStopped", seen.description()));
            }
            if (demo.compareTo(within) > 0 && real.compareTo(realFloor) > 0) {
                throw new StepFailed(Message.of("demo.result.waitFailed", String.valueOf(within.toSeconds()),
                        seen.description()));
            }
            sleep(POLL);
        }
    }

    private record Observation(boolean holds, Message description) {
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
                    List<Object> states = nodes.stream().<Object>map(Node::state).toList();
                    boolean holds = exact.map(c -> nodes.size() == Integer.parseInt(c)).orElse(nodes.size() >= atLeast);
                    return new Observation(holds, Message.of("demo.observe.nodes", cluster,
                            String.valueOf(nodes.size()), states.isEmpty() ? "-" : joined("demo.list.commas", states)));
                };
            }
            case "job" -> {
                String job = step.param("job");
                String status = step.param("status");
                int attempt = step.intParam("attempt", 0);
                yield () -> {
                    Job seen = services.jobs().show(ws, job);
                    boolean holds = seen.status().restName().equalsIgnoreCase(status) && seen.attempt() >= attempt;
                    return new Observation(holds, Message.of("demo.observe.job", job, seen.status(),
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
                    Object shown = found.<Object>map(e -> Message.of("demo.observe.error", e.code(), e.text()))
                            .orElse(errors.isEmpty() ? "-"
                                    : errors.stream().map(ClusterError::code).collect(Collectors.joining(", ")));
                    return new Observation(found.isPresent() == present,
                            Message.of("demo.observe.errors", cluster, shown));
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
                    return new Observation(holds, Message.of("demo.observe.allocation", cluster,
                            status.allocationState(), String.valueOf(status.currentNodeCount()),
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
                    return new Observation(log.contains(wanted), Message.of("demo.observe.log", job, last));
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
        List<Message> done = new ArrayList<>();
        timedJobs.stop();
        // The scenario is over: the studio's clock runs again for whatever the trainer does next.
        services.clock().resume();
        if (services.workspaces().list().stream().noneMatch(w -> w.name().equals(ws))) {
            return cleanUp(List.of(Message.of("demo.cleanup.nothing", ws)), true);
        }
        try {
            for (ResourceLock lock : services.locks().list(ws)) {
                services.locks().delete(ws, lock.name());
                done.add(Message.of("demo.cleanup.lock", lock.name()));
            }
            for (Job job : services.jobs().list(ws)) {
                if (!job.status().isFinal() && job.status() != JobStatus.CANCEL_REQUESTED) {
                    services.jobs().cancel(ws, job.name());
                    done.add(Message.of("demo.cleanup.job", job.name()));
                }
            }
            if (!until(() -> services.jobs().list(ws).stream().allMatch(j -> j.status().isFinal()), CLEAN_JOBS)) {
                List<Object> left = services.jobs().list(ws).stream().filter(j -> !j.status().isFinal())
                        .<Object>map(j -> Message.of("demo.cleanup.jobLeft", j.name(), j.status())).toList();
                done.add(Message.of("demo.cleanup.jobsTimeout", String.valueOf(CLEAN_JOBS.toSeconds()),
                        left.isEmpty() ? "" : joined("demo.list.commas", left)));
                return cleanUp(done, false);
            }
            for (ComputeCluster cluster : services.compute().list(ws)) {
                try {
                    services.compute().delete(ws, cluster.name());
                } catch (ConflictException e) {
                    // Already being deleted: the wait below sees it go.
                }
                done.add(Message.of("demo.cleanup.cluster", cluster.name()));
            }
            if (!until(() -> services.compute().list(ws).isEmpty(), CLEAN_CLUSTERS)) {
                String left = services.compute().list(ws).stream().map(c -> c.name() + " ("
                        + services.compute().listNodes(ws, c.name()).size() + ")").collect(Collectors.joining(", "));
                done.add(Message.of("demo.cleanup.clustersTimeout", String.valueOf(CLEAN_CLUSTERS.toSeconds()), left));
                return cleanUp(done, false);
            }
            for (UserAssignedIdentity identity : services.identities().list(ws)) {
                services.identities().delete(ws, identity.name());
                done.add(Message.of("demo.cleanup.identity", identity.name()));
            }
            services.workspaces().delete(ws);
            done.add(Message.of("demo.cleanup.workspace", ws));
            return cleanUp(done, true);
        } catch (RuntimeException e) {
            done.add(Message.of("demo.result.error", reason(e)));
            return cleanUp(done, false);
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

    /**
     * Why something failed, by code where the services give one: their refusals, one problem after
     * the other as the command line has always printed them ({@code field: text [rule]}).
     */
    private static Object reason(RuntimeException e) {
        if (e instanceof ValidationException invalid) {
            List<Object> problems = invalid.problems().stream()
                    .<Object>map(problem -> Message.of("demo.problem", problem.field(), problem.text(), problem.rule()))
                    .toList();
            return joined("demo.list.semicolons", problems);
        }
        if (e instanceof ConflictException conflict) {
            return conflict.text();
        }
        if (e instanceof NotFoundException missing) {
            return missing.text();
        }
        return String.valueOf(e.getMessage());
    }

    /** Items one after the other, with a separator each language writes its way: a text by code, nested. */
    private static Object joined(String separatorCode, List<?> items) {
        Object text = items.get(items.size() - 1);
        for (int i = items.size() - 2; i >= 0; i--) {
            text = Message.of(separatorCode, items.get(i), text);
        }
        return text;
    }

    /** A step that did not go through; its text says why (for a wait, what was seen instead). */
    private static final class StepFailed extends RuntimeException {
        private final transient Message text;

        StepFailed(Message text) {
            super(text.code());
            this.text = text;
        }
    }
}
