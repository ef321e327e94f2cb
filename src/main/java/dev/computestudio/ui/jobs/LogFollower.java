package dev.computestudio.ui.jobs;

import dev.computestudio.service.JobService;
import dev.computestudio.service.LogChunk;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * Follows jobs' logs chunk by chunk: per job the attempt and offset read so far and the text shown,
 * capped so that a chatty job cannot slow the screen down. When a job restarts (after its node was
 * preempted) its new attempt is read from the beginning, after a separator line. The logs of one
 * workspace are kept: reading another's forgets them. Reads storage, so call it off the FX thread;
 * calls are serialised, so two refreshes never read the same bytes twice.
 */
final class LogFollower {

    /** At most this many characters of a log are kept; older output is dropped a chunk at a time. */
    static final int MAX_CHARS = 200_000;
    /** Output read in one refresh, at most (64 KiB each): a burst is caught up over a few refreshes. */
    private static final int MAX_CHUNKS_PER_READ = 8;
    /** Logs of this many jobs are kept, so going back to a job does not read its whole log again. */
    private static final int KEPT_LOGS = 16;

    private final JobService jobs;
    private final IntFunction<String> separator;
    private final Map<String, FollowedLog> logs = new LinkedHashMap<>(KEPT_LOGS, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, FollowedLog> eldest) {
            return size() > KEPT_LOGS;
        }
    };
    private String workspace;

    /** @param separator the line shown before the output of attempt n (n &gt; 1) */
    LogFollower(JobService jobs, IntFunction<String> separator) {
        this.jobs = jobs;
        this.separator = separator;
    }

    /**
     * Reads what the job wrote since the last call.
     *
     * @return the job's log text as it now stands
     */
    synchronized String read(String workspace, String job) {
        if (!workspace.equals(this.workspace)) {
            logs.clear();
            this.workspace = workspace;
        }
        FollowedLog log = logs.computeIfAbsent(job, key -> new FollowedLog());
        for (int i = 0; i < MAX_CHUNKS_PER_READ; i++) {
            LogChunk chunk = jobs.readLog(workspace, job, log.attempt, log.offset);
            if (chunk.attempt() != log.attempt) {
                if (log.attempt > 0 || chunk.attempt() > 1) {
                    log.appendLine(separator.apply(chunk.attempt()));
                }
                log.attempt = chunk.attempt();
            }
            log.offset = chunk.nextOffset();
            if (chunk.text().isEmpty()) {
                break;
            }
            log.append(chunk.text());
        }
        return log.text.toString();
    }

    private static final class FollowedLog {
        private final StringBuilder text = new StringBuilder();
        private int attempt;
        private long offset;

        /** Adds a line of its own, after whatever the last line held. */
        void appendLine(String line) {
            boolean midLine = !text.isEmpty() && text.charAt(text.length() - 1) != '\n';
            append((midLine ? "\n" : "") + line + "\n");
        }

        void append(String more) {
            text.append(more);
            if (text.length() > MAX_CHARS) {
                // Drop a quarter at once, at a line start, so the shown text is not rebuilt at every chunk.
                int cut = text.length() - MAX_CHARS * 3 / 4;
                int lineStart = text.indexOf("\n", cut);
                text.delete(0, lineStart >= 0 && lineStart < text.length() - 1 ? lineStart + 1 : cut);
            }
        }
    }
}
