package dev.computestudio.infra.persistence;

import dev.computestudio.domain.ClusterError;
import dev.computestudio.domain.ComputeCluster;
import dev.computestudio.domain.EventKind;
import dev.computestudio.domain.Job;
import dev.computestudio.domain.JobFiles;
import dev.computestudio.domain.JobStatus;
import dev.computestudio.domain.Message;
import dev.computestudio.domain.MessageFormatter;
import dev.computestudio.domain.NodeState;
import dev.computestudio.domain.QuotaKeys;
import dev.computestudio.domain.QuotaUsage;
import dev.computestudio.domain.VmCatalog;
import dev.computestudio.domain.port.Repositories;
import dev.computestudio.service.ComputeService;
import dev.computestudio.service.Installation;
import dev.computestudio.service.JobService;
import dev.computestudio.service.LockService;
import dev.computestudio.service.QuotaService;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A data folder made by the previous release (schema V4) opens with this one: Flyway brings it to
 * the newest schema, and what it held is there and usable through the services.
 */
class SchemaUpgradeTest {

    private static final String PREVIOUS_VERSION = "4";
    private static final Instant T0 = Instant.parse("2026-01-05T10:00:00Z");
    private static final String OLD_ERROR = "Quota exceeded: 1 more Standard_DS3_v2 node(s) do not fit";

    @TempDir
    Path data;

    @Test
    void aDatabaseOfThePreviousSchemaIsMigratedWithItsDataIntactAndUsable() throws Exception {
        String url = "jdbc:h2:file:" + data.resolve(Database.NAME);
        Flyway.configure().dataSource(url, "sa", "").locations("classpath:db/migration")
                .target(PREVIOUS_VERSION).load().migrate();
        try (Connection connection = DriverManager.getConnection(url, "sa", "");
             Statement sql = connection.createStatement()) {
            assertThat(schemaVersion(sql)).isEqualTo(PREVIOUS_VERSION);
            String at = "TIMESTAMP WITH TIME ZONE '" + T0.atOffset(ZoneOffset.UTC) + "'";
            sql.execute("INSERT INTO workspaces VALUES ('ws-old', 'westeurope', '11111111-2222-3333-4444-555555555555', "
                    + "'rg-old', " + at + ")");
            sql.execute("INSERT INTO clusters (workspace, name, size, tier, min_nodes, max_nodes, idle_seconds, "
                    + "ssh_public_access_enabled, identity_type, user_assigned_identity_ids, tags, location, "
                    + "provisioning_state, allocation_state, allocation_transition_at, current_node_count, "
                    + "target_node_count, idle_node_count, running_node_count, preparing_node_count, "
                    + "unusable_node_count, leaving_node_count, preempted_node_count, errors, created_at) VALUES "
                    + "('ws-old', 'gpu-old', 'Standard_DS3_v2', 'DEDICATED', 0, 3, 300, FALSE, 'NONE', '[]', "
                    + "'{\"team\":\"vision\"}', 'westeurope', 'SUCCEEDED', 'STEADY', " + at + ", 1, 1, 1, 0, 0, 0, "
                    + "0, 0, '[{\"code\":\"QuotaExceeded\",\"message\":\"" + OLD_ERROR + "\"}]', " + at + ")");
            sql.execute("INSERT INTO nodes (id, workspace, cluster, state, private_ip_address, ssh_port, created_at, "
                    + "state_since) VALUES ('tvm-old_1', 'ws-old', 'gpu-old', 'IDLE', '10.0.0.4', 50000, " + at + ", "
                    + at + ")");
            sql.execute("INSERT INTO jobs (workspace, name, experiment_name, compute, command, instance_count, "
                    + "environment_variables, status, attempt, created_at, ended_at, exit_code, error, node_ids, code, "
                    + "inputs, outputs) VALUES ('ws-old', 'train-old', 'Default', 'gpu-old', 'echo hi', 1, "
                    + "'{\"EPOCHS\":\"3\"}', 'COMPLETED', 1, " + at + ", " + at + ", 0, 'exit code 0', '[]', NULL, "
                    + "'{\"epochs\":{\"type\":\"integer\",\"value\":\"3\"}}', '{}')");
            sql.execute("INSERT INTO quota_limits VALUES ('ws-old', 'standardDSv2Family', 48)");
            sql.execute("INSERT INTO event_log (at, kind, workspace, cluster, node_id, job_name, state, attempt, reason) "
                    + "VALUES (" + at + ", 'NODE', 'ws-old', 'gpu-old', 'tvm-old_1', NULL, 'IDLE', 0, 'ready')");
        }

        try (Database database = Database.openFile(data)) {
            try (Connection connection = DriverManager.getConnection(url + ";AUTO_SERVER=TRUE", "sa", "");
                 Statement sql = connection.createStatement()) {
                assertThat(schemaVersion(sql)).isEqualTo(Migrations.LATEST);
            }
            Repositories stores = database.repositories();
            VmCatalog catalog = VmCatalog.standard();
            Clock clock = Clock.fixed(T0.plusSeconds(60), ZoneOffset.UTC);
            QuotaService quota = new QuotaService(stores.quota(), stores.workspaces(), stores.clusters(),
                    stores.nodes(), catalog);
            LockService locks = new LockService(stores.locks(), stores.workspaces(), clock);
            ComputeService compute = new ComputeService(stores.workspaces(), stores.clusters(), stores.nodes(),
                    stores.identities(), stores.events(), stores.unitOfWork(), locks, quota,
                    new Installation(stores.settings()), catalog, clock);
            JobService jobs = new JobService(stores.workspaces(), stores.clusters(), stores.jobs(), stores.events(),
                    stores.unitOfWork(), new JobFiles(data), new Random(1), clock, () -> { });

            ComputeCluster cluster = compute.show("ws-old", "gpu-old");
            assertThat(cluster.spec().maxNodes()).isEqualTo(3);
            assertThat(cluster.spec().idleTimeBeforeScaleDown()).isEqualTo(Duration.ofSeconds(300));
            assertThat(cluster.spec().tags()).isEqualTo(Map.of("team", "vision"));
            assertThat(cluster.createdAt()).isEqualTo(T0);
            // Texts written before they had codes read back as the English sentence they were.
            assertThat(cluster.status().errors()).singleElement().satisfies(error -> {
                assertThat(error.code()).isEqualTo(ClusterError.QUOTA_EXCEEDED);
                assertThat(error.message()).isEqualTo(OLD_ERROR);
                assertThat(error.text()).isEqualTo(Message.of("text.recorded", OLD_ERROR));
            });
            assertThat(compute.listNodes("ws-old", "gpu-old")).singleElement()
                    .satisfies(node -> assertThat(node.state()).isEqualTo(NodeState.IDLE));
            Job job = jobs.show("ws-old", "train-old");
            assertThat(job.status()).isEqualTo(JobStatus.COMPLETED);
            assertThat(job.error()).isEqualTo(Message.of("text.recorded", "exit code 0"));
            assertThat(job.spec().environmentVariables()).isEqualTo(Map.of("EPOCHS", "3"));
            assertThat(job.spec().inputs().get("epochs").value()).isEqualTo("3");
            assertThat(quota.usage("ws-old")).filteredOn(usage -> usage.key().equals("standardDSv2Family"))
                    .singleElement().satisfies(usage -> {
                        assertThat(usage.currentValue()).isEqualTo(4);
                        assertThat(usage.limit()).isEqualTo(48);
                    });
            // The node timeline reads the old events through the index the upgrade added.
            assertThat(stores.events().lastNodeEvents("ws-old", "gpu-old", java.util.List.of("tvm-old_1"),
                    T0.plusSeconds(1))).singleElement().satisfies(event -> {
                        assertThat(event.kind()).isEqualTo(EventKind.NODE);
                        assertThat(event.state()).isEqualTo("IDLE");
                        assertThat(event.reason()).isEqualTo(Message.of("text.recorded", "ready"));
                        assertThat(new MessageFormatter(Locale.forLanguageTag("pt-BR")).format(event.reason()))
                                .isEqualTo("ready");
                    });

            // And the upgraded database takes new work.
            compute.create("ws-old", "cpu-new", cluster.spec().withScale(0, 2, Duration.ofSeconds(120)));
            jobs.submit("ws-old", new dev.computestudio.domain.JobSpec("train-new", null, null, "cpu-new", "echo new",
                    null, 1, Map.of(), null, null));
            assertThat(compute.list("ws-old")).extracting(ComputeCluster::name).containsExactly("cpu-new", "gpu-old");
            assertThat(quota.usage("ws-old")).filteredOn(usage -> usage.key().equals(QuotaKeys.CLUSTERS))
                    .extracting(QuotaUsage::currentValue).containsExactly(2L);
        }
    }

    private static String schemaVersion(Statement sql) throws Exception {
        try (ResultSet rows = sql.executeQuery("SELECT \"version\" FROM \"flyway_schema_history\" WHERE \"success\" "
                + "ORDER BY \"installed_rank\" DESC LIMIT 1")) {
            assertThat(rows.next()).isTrue();
            return rows.getString(1);
        }
    }
}
