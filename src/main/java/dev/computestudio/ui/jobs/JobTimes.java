package dev.computestudio.ui.jobs;

import dev.computestudio.domain.Job;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * How the Jobs screen shows time: when a job was created, in the user's time zone, and how long it
 * has run, measured on the engine's clock, so that in a demo at 20x a duration is in demo time.
 */
final class JobTimes {

    private static final DateTimeFormatter CREATED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final Clock engineClock;
    private final ZoneId zone;

    JobTimes(Clock engineClock, ZoneId zone) {
        this.engineClock = engineClock;
        this.zone = zone;
    }

    /** The engine's now, which a running job's duration runs to. */
    Instant now() {
        return engineClock.instant();
    }

    String created(Job job) {
        return CREATED.format(job.createdAt().atZone(zone));
    }

    /** Empty for a job that has not started; up to {@code now} for one that still runs. */
    String duration(Job job, Instant now) {
        if (job.startedAt() == null) {
            return "";
        }
        return describe(Duration.between(job.startedAt(), job.endedAt() != null ? job.endedAt() : now));
    }

    /** Like {@code 42 s}, {@code 3 min 05 s}, {@code 2 h 04 min}. */
    static String describe(Duration duration) {
        long seconds = Math.max(0, duration.toSeconds());
        if (seconds < 60) {
            return seconds + " s";
        }
        if (seconds < 3600) {
            return String.format("%d min %02d s", seconds / 60, seconds % 60);
        }
        return String.format("%d h %02d min", seconds / 3600, seconds % 3600 / 60);
    }
}
