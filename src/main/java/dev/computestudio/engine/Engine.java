package dev.computestudio.engine;

import dev.computestudio.domain.port.EngineLease;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The scheduler's life: take the engine lease, recover what a previous holder left, then run a
 * reconciliation pass every tick (or sooner when woken) until closed. Several processes may run
 * an engine; only the lease holder acts, the others wait and take over when its heartbeat stops.
 */
public final class Engine implements AutoCloseable {

    /** What the engine is doing, as the status bar shows it. */
    public enum State { STOPPED, WAITING_FOR_LEASE, RUNNING }

    private static final Logger LOG = LoggerFactory.getLogger(Engine.class);

    private final EngineLease lease;
    private final Reconciler reconciler;
    private final Clock wallClock;
    private final EngineSettings settings;
    private final String owner;
    private final String description;
    private final Semaphore wake = new Semaphore(0);
    private final List<Consumer<State>> listeners = new CopyOnWriteArrayList<>();
    private volatile State state = State.STOPPED;
    private volatile boolean holding;
    private volatile boolean stopping;
    private Thread loop;

    /**
     * @param wallClock real time for the lease heartbeat, which other processes compare with
     *                  theirs; the reconciler has its own clock, which demos may speed up
     */
    public Engine(EngineLease lease, Reconciler reconciler, Clock wallClock, EngineSettings settings, String owner,
                  String description) {
        this.lease = lease;
        this.reconciler = reconciler;
        this.wallClock = wallClock;
        this.settings = settings;
        this.owner = owner;
        this.description = description;
        reconciler.onRankExit(this::wakeUp);
    }

    public synchronized void start() {
        if (loop != null) {
            return;
        }
        stopping = false;
        loop = new Thread(this::runLoop, "compute-studio-engine");
        loop.setDaemon(true);
        loop.start();
    }

    /**
     * Takes or renews the lease and, when held, runs one pass (recovering first if the lease was
     * just taken).
     *
     * @return whether this engine holds the lease and ran the pass
     */
    public synchronized boolean runOnce() {
        Instant now = wallClock.instant();
        boolean held = lease.tryAcquire(owner, description, now, now.minus(settings.leaseStaleAfter()));
        if (!held) {
            if (holding) {
                LOG.warn("the engine lease was taken over by another process; this engine stops acting");
            }
            holding = false;
            setState(State.WAITING_FOR_LEASE);
            return false;
        }
        if (!holding) {
            LOG.info("engine lease taken by {} ({}); runner: {}", owner, description, reconciler.runnerName());
            reconciler.recover();
            holding = true;
        }
        setState(State.RUNNING);
        reconciler.reconcile();
        return true;
    }

    /** Asks for a pass now instead of at the next tick (a job was submitted, a rank ended). */
    public void wakeUp() {
        wake.release();
    }

    public State state() {
        return state;
    }

    public boolean holdsLease() {
        return holding;
    }

    public void addListener(Consumer<State> listener) {
        listeners.add(listener);
    }

    @Override
    public void close() {
        Thread running;
        synchronized (this) {
            running = loop;
            loop = null;
        }
        if (running != null) {
            // No interrupt: H2 closes its file channel when a thread is interrupted mid-write.
            stopping = true;
            wake.release();
            try {
                running.join(TimeUnit.SECONDS.toMillis(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        synchronized (this) {
            if (holding) {
                // Hand back cleanly: attempts this engine runs are stopped and requeued for the next holder.
                reconciler.recover();
                lease.release(owner);
                holding = false;
            }
            setState(State.STOPPED);
        }
    }

    private void runLoop() {
        while (!stopping) {
            try {
                runOnce();
            } catch (RuntimeException e) {
                LOG.error("engine pass failed; trying again next tick", e);
            }
            try {
                if (wake.tryAcquire(settings.tick().toMillis(), TimeUnit.MILLISECONDS)) {
                    wake.drainPermits();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void setState(State next) {
        if (state != next) {
            state = next;
            listeners.forEach(listener -> listener.accept(next));
        }
    }
}
