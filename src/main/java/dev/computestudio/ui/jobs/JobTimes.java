package dev.computestudio.ui.jobs;

import dev.computestudio.domain.Job;
import dev.computestudio.ui.common.Messages;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * How the Jobs screen shows time: when a job was created, started and ended, in the user's time zone,
 * and how long it has run, measured on the engine's clock, so that in a demo at 20x a duration is
 * in demo time.
 */
final class JobTimes {

    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final DateTimeFormatter SECOND = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

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
        return MINUTE.format(job.createdAt().atZone(zone));
    }

    /** To the second, for the details; empty for none. */
    String instant(Instant at) {
        return at == null ? "" : SECOND.format(at.atZone(zone));
    }

    /** Null for a job that has not started; from its start to its end, or to {@code now} while it runs. */
    Duration duration(Job job, Instant now) {
        if (job.startedAt() == null) {
            return null;
        }
        Duration run = Duration.between(job.startedAt(), job.endedAt() != null ? job.endedAt() : now);
        return run.isNegative() ? Duration.ZERO : run;
    }

    /** Like {@code 42s}, {@code 3m 05s}, {@code 2h 04m} in English; empty for none. */
    static String describe(Duration duration, Messages messages) {
        if (duration == null) {
            return "";
        }
        long seconds = Math.max(0, duration.toSeconds());
        if (seconds < 60) {
            return messages.render("jobs.duration.seconds", String.valueOf(seconds));
        }
        if (seconds < 3600) {
            return messages.render("jobs.duration.minutes", String.valueOf(seconds / 60),
                    String.format("%02d", seconds % 60));
        }
        return messages.render("jobs.duration.hours", String.valueOf(seconds / 3600),
                String.format("%02d", seconds % 3600 / 60));
    }
}
