package dev.computestudio.cli;

import dev.computestudio.domain.Message;
import dev.computestudio.domain.ValidationException;
import dev.computestudio.service.TimelineService;
import dev.computestudio.service.timeline.Marker;
import dev.computestudio.service.timeline.NodeRow;
import dev.computestudio.service.timeline.Segment;
import dev.computestudio.service.timeline.Timeline;
import dev.computestudio.service.timeline.TimelineCsv;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code compute timeline}: a cluster's node segments as a table, CSV or JSON. */
final class TimelineOutput {

    /** {@code -o} of this command: CSV besides the usual two. */
    enum Format {
        TABLE, CSV, JSON
    }

    private static final Pattern AGO = Pattern.compile("(\\d+)\\s*(s|m|h|d)");

    private TimelineOutput() {
    }

    static void print(TimelineService timelines, String workspace, String cluster, String since, Format format,
                      PrintWriter out) {
        Instant now = timelines.now();
        Instant from = since == null ? timelines.cluster(workspace, cluster).createdAt() : since(since, now);
        if (!from.isBefore(now)) {
            throw ValidationException.of("since", "past", Message.of("invalid.timeline.since-not-past", now));
        }
        // Past now by a nanosecond, so that what happened at this very instant is included.
        Timeline timeline = timelines.load(workspace, cluster, from, now.plusNanos(1));
        switch (format) {
            case CSV -> TimelineCsv.segments(timeline, out);
            case JSON -> Output.json(out, json(timeline));
            case TABLE -> table(timeline).print(out);
        }
        out.flush();
    }

    /** A duration back from now ({@code 30s}, {@code 10m}, {@code 1h}, {@code 2d}, {@code PT90M}) or an ISO instant. */
    static Instant since(String text, Instant now) {
        String trimmed = text.trim().toLowerCase(Locale.ROOT);
        Matcher ago = AGO.matcher(trimmed);
        if (ago.matches()) {
            long amount = Long.parseLong(ago.group(1));
            Duration back = switch (ago.group(2)) {
                case "s" -> Duration.ofSeconds(amount);
                case "m" -> Duration.ofMinutes(amount);
                case "h" -> Duration.ofHours(amount);
                default -> Duration.ofDays(amount);
            };
            return now.minus(back);
        }
        try {
            return trimmed.startsWith("p") ? now.minus(Duration.parse(text.trim())) : Instant.parse(text.trim());
        } catch (DateTimeParseException e) {
            throw ValidationException.of("since", "since", Message.of("invalid.timeline.since", text));
        }
    }

    private static Table table(Timeline timeline) {
        Table table = new Table("Node", "State", "Start", "End", "Duration", "Job", "Reason");
        for (NodeRow row : timeline.rows()) {
            for (Segment segment : row.segments()) {
                table.row(segment.nodeId(), segment.state().restName(), segment.start(),
                        segment.end() == null ? "(now)" : segment.end(),
                        segment.duration(timeline.end()).toSeconds() + " s", segment.job(), english(segment.reason()));
            }
        }
        return table;
    }

    private static String english(Message reason) {
        return reason == null ? null : reason.english();
    }

    private static Map<String, Object> json(Timeline timeline) {
        List<Map<String, Object>> segments = new ArrayList<>();
        for (NodeRow row : timeline.rows()) {
            for (Segment segment : row.segments()) {
                Map<String, Object> item = new LinkedHashMap<>();
                item.put("node", segment.nodeId());
                item.put("state", segment.state().restName());
                item.put("start", segment.start().toString());
                item.put("end", segment.end() == null ? null : segment.end().toString());
                item.put("durationSeconds", segment.duration(timeline.end()).toSeconds());
                item.put("job", segment.job());
                item.put("reason", english(segment.reason()));
                segments.add(item);
            }
        }
        List<Map<String, Object>> decisions = new ArrayList<>();
        for (Marker marker : timeline.markers()) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("at", marker.at().toString());
            item.put("kind", marker.kind().name().toLowerCase(Locale.ROOT));
            item.put("code", marker.code());
            item.put("node", marker.nodeId());
            item.put("why", marker.why().english());
            decisions.add(item);
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("workspace", timeline.workspace());
        json.put("compute", timeline.cluster());
        json.put("from", timeline.from().toString());
        json.put("to", timeline.end().toString());
        json.put("segments", segments);
        json.put("decisions", decisions);
        return json;
    }
}
