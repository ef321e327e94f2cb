package dev.computestudio.domain;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

/**
 * The application's clock: the time the engine and the services keep (idle times, lock and
 * event instants). It runs at the pace of its base clock (the real one, or a test's) until a demo
 * makes it faster (5x, 20x) or stops it: the engine's idle time of 120 s passes in 6 s at 20x.
 * Changing speed never moves time backwards: the clock is re-anchored where it stands. At 1x,
 * never changed, it reads exactly the base clock.
 *
 * <p>It lives in the domain because it is what time means in the emulated cloud, and every part
 * reads it: the services and the engine as a plain {@link Clock}, the studio and the command line
 * to change its pace.
 */
public final class ScaledClock extends Clock {

    /** The speeds the studio and the command line offer. */
    public static final List<Integer> SPEEDS = List.of(1, 5, 20);

    private final Clock base;
    private Instant realAnchor;
    private Instant scaledAnchor;
    private int speed = 1;
    private boolean paused;

    public ScaledClock(Clock base) {
        this.base = base;
        this.realAnchor = base.instant();
        this.scaledAnchor = realAnchor;
    }

    @Override
    public synchronized Instant instant() {
        Instant real = base.instant();
        if (paused) {
            return scaledAnchor;
        }
        if (speed == 1 && scaledAnchor.equals(realAnchor)) {
            return real;
        }
        Duration passed = Duration.between(realAnchor, real);
        return scaledAnchor.plus(passed.multipliedBy(speed));
    }

    /** Sets how many times faster than real time the clock runs (at least 1). */
    public synchronized void setSpeed(int newSpeed) {
        if (newSpeed < 1) {
            throw new IllegalArgumentException("a demo speed is 1 or more, not " + newSpeed);
        }
        reanchor();
        speed = newSpeed;
    }

    public synchronized int speed() {
        return speed;
    }

    /** Stops time: idle timers stop counting while a trainer talks (jobs already running go on). */
    public synchronized void pause() {
        reanchor();
        paused = true;
    }

    public synchronized void resume() {
        if (paused) {
            realAnchor = base.instant();
            paused = false;
        }
    }

    public synchronized boolean paused() {
        return paused;
    }

    private void reanchor() {
        Instant now = instant();
        realAnchor = base.instant();
        scaledAnchor = now;
    }

    @Override
    public ZoneId getZone() {
        return base.getZone();
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("a demo clock keeps the zone of its base clock");
    }
}
