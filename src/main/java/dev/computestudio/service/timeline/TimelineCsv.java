package dev.computestudio.service.timeline;

import dev.computestudio.domain.LogEvent;
import dev.computestudio.domain.Message;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Instant;
import java.util.List;

/** A timeline as CSV (RFC 4180: comma separated, quoted where needed, CRLF line ends), in UTC ISO-8601. */
public final class TimelineCsv {

    public static final List<String> SEGMENT_COLUMNS =
            List.of("node", "state", "start", "end", "duration_s", "job", "reason");
    public static final List<String> EVENT_COLUMNS =
            List.of("sequence", "at", "kind", "node", "job", "state", "attempt", "reason");

    private TimelineCsv() {
    }

    /**
     * One line per segment in row order. A segment that began before the window keeps its real
     * start; an open one has no end and counts its duration up to the end of the window.
     */
    public static void segments(Timeline timeline, Writer out) {
        line(out, SEGMENT_COLUMNS);
        for (NodeRow row : timeline.rows()) {
            for (Segment segment : row.segments()) {
                line(out, List.of(segment.nodeId(), segment.state().restName(), text(segment.start()),
                        text(segment.end()), Long.toString(segment.duration(timeline.end()).toSeconds()),
                        text(segment.job()), english(segment.reason())));
            }
        }
    }

    /** One line per event of the window, in time order. */
    public static void events(List<LogEvent> events, Writer out) {
        line(out, EVENT_COLUMNS);
        for (LogEvent event : events) {
            line(out, List.of(Long.toString(event.sequence()), text(event.at()), event.kind().name(),
                    text(event.nodeId()), text(event.jobName()), event.state(), Integer.toString(event.attempt()),
                    english(event.reason())));
        }
    }

    /** Reasons in English, whatever the studio's language: the file is read by scripts as the CLI's output is. */
    private static String english(Message reason) {
        return reason == null ? "" : reason.english();
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString();
    }

    private static void line(Writer out, List<String> cells) {
        try {
            for (int i = 0; i < cells.size(); i++) {
                if (i > 0) {
                    out.write(',');
                }
                out.write(quoted(cells.get(i)));
            }
            out.write("\r\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String quoted(String cell) {
        boolean needs = cell.indexOf(',') >= 0 || cell.indexOf('"') >= 0 || cell.indexOf('\n') >= 0
                || cell.indexOf('\r') >= 0;
        return needs ? '"' + cell.replace("\"", "\"\"") + '"' : cell;
    }

    /** For tests and callers that format instants the same way. */
    static String text(Instant at) {
        return at == null ? "" : at.toString();
    }
}
