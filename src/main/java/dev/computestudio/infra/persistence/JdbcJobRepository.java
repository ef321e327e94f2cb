package dev.computestudio.infra.persistence;

import dev.computestudio.domain.ConflictException;
import dev.computestudio.domain.Job;
import dev.computestudio.domain.JobSpec;
import dev.computestudio.domain.JobStatus;
import dev.computestudio.domain.Message;
import dev.computestudio.domain.port.JobRepository;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/** Jobs; submission order breaks ties between jobs created at the same instant, so the queue stays FIFO. */
final class JdbcJobRepository implements JobRepository {

    private static final String SPEC_COLUMNS = """
            display_name, experiment_name, compute, command, image, instance_count, environment_variables,
            timeout_millis, description, code, inputs, outputs""";
    private static final String STATUS_COLUMNS =
            "status, attempt, started_at, ended_at, exit_code, error, error_code, error_args, node_ids";
    private static final String COLUMNS = "workspace, name, created_at, " + SPEC_COLUMNS + ", " + STATUS_COLUMNS;

    private static final String SELECT = "SELECT " + COLUMNS + " FROM jobs";
    private static final String INSERT =
            "INSERT INTO jobs (" + COLUMNS + ") VALUES (" + Jdbc.placeholders(COLUMNS) + ")";
    /** A spec never changes after submission: an update writes the status columns only. */
    private static final String UPDATE_IF = "UPDATE jobs SET (" + STATUS_COLUMNS + ") = ("
            + Jdbc.placeholders(STATUS_COLUMNS) + ") WHERE workspace = ? AND name = ? AND status = ?";
    private static final String NOTE = "INSERT INTO job_inbox (workspace, name) VALUES (?, ?)";
    private static final String NOTES = "SELECT i.seq, j." + COLUMNS.replace(", ", ", j.")
            + " FROM job_inbox i LEFT JOIN jobs j ON j.workspace = i.workspace AND j.name = i.name ORDER BY i.seq";

    /** The statuses that are not final, taken from {@link JobStatus} itself; enum names are safe to inline. */
    private static final String UNFINISHED = Arrays.stream(JobStatus.values())
            .filter(status -> !status.isFinal())
            .map(status -> "'" + status.name() + "'")
            .collect(Collectors.joining(", "));

    private final Jdbc jdbc;

    JdbcJobRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void insert(Job job) {
        jdbc.atomically(() -> {
            jdbc.update(INSERT, p -> {
                p.text(job.workspace()).text(job.name()).instant(job.createdAt());
                bindSpec(p, job.spec());
                bindStatus(p, job);
            }, () -> new ConflictException("name", Message.of("conflict.job.name-taken", job.workspace(), job.name())));
            note(job);
            return null;
        });
    }

    /** One conditional UPDATE, so the check and the write cannot be split by another process. */
    @Override
    public boolean updateIf(Job job, JobStatus expected) {
        return jdbc.update(UPDATE_IF, p -> {
            bindStatus(p, job);
            p.text(job.workspace()).text(job.name()).name(expected);
        }) > 0;
    }

    @Override
    public boolean updateAndNoteIf(Job job, JobStatus expected) {
        return jdbc.atomically(() -> {
            boolean updated = updateIf(job, expected);
            if (updated) {
                note(job);
            }
            return updated;
        });
    }

    /**
     * Reads the notes and deletes exactly those read: a note another process commits meanwhile,
     * even with a lower number, stays for the next call.
     */
    @Override
    public List<Job> takeNoted() {
        List<Long> read = new ArrayList<>();
        List<Job> noted = jdbc.list(NOTES, p -> { }, row -> {
            read.add(row.bigint("seq"));
            return row.text("name") == null ? null : map(row);
        });
        if (!read.isEmpty()) {
            jdbc.batch("DELETE FROM job_inbox WHERE seq = ?", read, (p, seq) -> p.bigint(seq));
        }
        return noted.stream().filter(Objects::nonNull).toList();
    }

    private void note(Job job) {
        jdbc.update(NOTE, p -> p.text(job.workspace()).text(job.name()));
    }

    @Override
    public Optional<Job> find(String workspace, String name) {
        return jdbc.first(SELECT + " WHERE workspace = ? AND name = ?", p -> p.text(workspace).text(name),
                JdbcJobRepository::map);
    }

    @Override
    public List<Job> list(String workspace) {
        return jdbc.list(SELECT + " WHERE workspace = ? ORDER BY created_at DESC, seq DESC", p -> p.text(workspace),
                JdbcJobRepository::map);
    }

    @Override
    public List<Job> listUnfinished() {
        return jdbc.list(SELECT + " WHERE status IN (" + UNFINISHED + ") ORDER BY created_at, seq", p -> { },
                JdbcJobRepository::map);
    }

    private static void bindSpec(Params p, JobSpec spec) throws SQLException {
        p.text(spec.displayName()).text(spec.experimentName()).text(spec.compute()).text(spec.command())
                .text(spec.image()).integer(spec.instanceCount()).json(spec.environmentVariables())
                .millis(spec.timeout()).text(spec.description()).text(spec.code()).json(Json.inputs(spec.inputs()))
                .json(Json.outputs(spec.outputs()));
    }

    private static void bindStatus(Params p, Job job) throws SQLException {
        Message error = job.error();
        p.name(job.status()).integer(job.attempt()).instant(job.startedAt()).instant(job.endedAt())
                .integer(job.exitCode()).text(error == null ? null : error.english())
                .text(error == null ? null : error.code()).text(error == null ? null : StoredMessages.arguments(error))
                .json(job.nodeIds());
    }

    private static Job map(Row row) throws SQLException {
        JobSpec spec = new JobSpec(row.text("name"), row.text("display_name"), row.text("experiment_name"),
                row.text("compute"), row.text("command"), row.text("image"), row.integer("instance_count"),
                Json.stringMap(row.text("environment_variables")), row.nullableMillis("timeout_millis"),
                row.text("description"), row.text("code"), Json.inputs(row.text("inputs")),
                Json.outputs(row.text("outputs")));
        return new Job(row.text("workspace"), spec, row.name("status", JobStatus.class), row.integer("attempt"),
                row.instant("created_at"), row.instant("started_at"), row.instant("ended_at"),
                row.nullableInteger("exit_code"), error(row), Json.strings(row.text("node_ids")));
    }

    private static Message error(Row row) throws SQLException {
        String code = row.text("error_code");
        if (code != null) {
            return StoredMessages.read(code, row.text("error_args"));
        }
        String recorded = row.text("error");
        return recorded == null ? null : StoredMessages.recorded(recorded);
    }
}
