package dev.computestudio.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.computestudio.domain.LogEvent;
import dev.computestudio.infra.persistence.Database;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Secrets never reach what a user or a log sees, and the engine runs no shell of its own over
 * what a job spec says: real programs (separate JVMs over one H2 file) and real job processes.
 */
class SecretsAndShellTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SSH_PASSWORD = "Sup3r-S3cret-Passw0rd!";

    @TempDir
    Path data;
    private CliRunner cli;
    /** Every output of every command run, to search for secrets. */
    private final List<String> shown = new ArrayList<>();

    @BeforeEach
    void workspace() throws Exception {
        // The product's own logging, as users get it (the tests' configuration logs to the console only).
        Path productLogging = Path.of(SecretsAndShellTest.class.getResource("/logback.xml").toURI());
        cli = new CliRunner(data, List.of("-Dlogback.configurationFile=" + productLogging));
        ok("workspace", "create", "--name", "ws1");
    }

    private CliRunner.Result run(String... args) throws Exception {
        CliRunner.Result result = cli.run(args);
        shown.add(result.out());
        shown.add(result.err());
        return result;
    }

    private CliRunner.Result ok(String... args) throws Exception {
        CliRunner.Result result = run(args);
        assertThat(result.exitCode()).as(String.join(" ", args) + "\n" + result.err()).isZero();
        return result;
    }

    @Test
    void theJobsSecretTheSigningKeyAndTheSshPasswordAppearInNoOutputLogOrEvent() throws Exception {
        JsonNode identity = JSON.readTree(ok("identity", "create", "-w", "ws1", "--name", "trainer-id", "-o", "json")
                .out());
        ok("compute", "create", "-w", "ws1", "--name", "cpu", "--max-instances", "1", "--admin-username", "azureuser",
                "--admin-password", SSH_PASSWORD, "--identity-type", "user_assigned", "--user-assigned-identities",
                identity.get("id").asText());
        // The job keeps the secret it was given where only it writes, and asks for a token with it.
        String command = "printf %s \"$MSI_SECRET\" > msi-secret.txt && curl -s -H \"secret: $MSI_SECRET\" "
                + "\"$MSI_ENDPOINT?api-version=2017-09-01&resource=https://storage.azure.com/\" > token.json "
                + "&& echo done";

        CliRunner.Result job = ok("job", "create", "-w", "ws1", "--compute", "cpu", "--name", "msi", "--command",
                command, "--stream");
        ok("job", "show", "-w", "ws1", "--name", "msi", "-o", "json");
        ok("job", "show", "-w", "ws1", "--name", "msi");
        ok("job", "list", "-w", "ws1", "-o", "json");
        ok("compute", "show", "-w", "ws1", "--name", "cpu", "-o", "json");
        ok("compute", "show", "-w", "ws1", "--name", "cpu", "-o", "yaml");
        ok("compute", "show", "-w", "ws1", "--name", "cpu");
        ok("compute", "list", "-w", "ws1", "-o", "json");
        ok("compute", "identity", "show", "-w", "ws1", "--name", "cpu");
        ok("identity", "list", "-w", "ws1", "-o", "json");
        ok("identity", "token", "-w", "ws1", "--compute", "cpu");
        ok("compute", "timeline", "-w", "ws1", "--name", "cpu");

        assertThat(job.out()).isEqualTo("done\n");
        Path work = data.resolve("jobs/ws1/msi/attempt-1/work");
        String secret = Files.readString(work.resolve("msi-secret.txt"));
        assertThat(secret).hasSizeGreaterThan(20);
        assertThat(JSON.readTree(work.resolve("token.json").toFile()).get("access_token").asText()).isNotBlank();
        List<String> privateKey = privateKeyParts(data.resolve("identity/token-signing-key.jwk.json"));
        assertThat(privateKey).hasSize(6);
        List<String> secrets = new ArrayList<>(privateKey);
        secrets.add(secret);
        secrets.add(SSH_PASSWORD);

        List<String> logs = logFiles();
        assertThat(String.join("", logs)).as("the program's log files")
                .contains("managed-identity endpoint: http://127.0.0.1:");
        List<String> events;
        try (Database database = Database.openFile(data)) {
            events = database.eventLog().after(0, Integer.MAX_VALUE).stream().map(LogEvent::toString).toList();
        }
        assertThat(events).isNotEmpty();
        for (String value : secrets) {
            String what = value.equals(SSH_PASSWORD) ? "the SSH password" : value.equals(secret) ? "MSI_SECRET"
                    : "the signing key";
            assertThat(shown).as(what + " in command output").noneMatch(text -> text.contains(value));
            assertThat(logs).as(what + " in the log").noneMatch(text -> text.contains(value));
            assertThat(events).as(what + " in the event log").noneMatch(text -> text.contains(value));
        }
        // The endpoint keeps a hash of the node's secret, never the secret itself.
        byte[] database = Files.readAllBytes(data.resolve("compute-studio.mv.db"));
        assertThat(new String(database, StandardCharsets.ISO_8859_1)).doesNotContain(secret);
    }

    @Test
    void namesAndValuesFromTheSpecAreNeverRunByTheEngine() throws Exception {
        ok("compute", "create", "-w", "ws1", "--name", "cpu", "--max-instances", "1");
        List<Path> markers = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            markers.add(data.getParent().resolve("pwned-" + ProcessHandle.current().pid() + "-" + i));
        }
        String value = "$(touch " + markers.get(0) + ") `touch " + markers.get(1) + "`; touch " + markers.get(2)
                + " | x & y\n'\"\\";

        CliRunner.Result job = ok("job", "create", "-w", "ws1", "--compute", "cpu", "--name", "hostile-values",
                "--experiment-name", "$(touch " + markers.get(3) + ")",
                "--display-name", "`touch " + markers.get(4) + "`;touch " + markers.get(5),
                "--env", "HOSTILE=" + value, "--env", "SECOND=$(touch " + markers.get(6) + ")",
                "--command", "printf '%s' \"$HOSTILE\" > hostile.txt; printf '%s' \"$SECOND\" > second.txt; echo ran",
                "--stream");
        CliRunner.Result badName = run("job", "create", "-w", "ws1", "--compute", "cpu", "--name",
                "$(touch " + markers.get(7) + ")", "--command", "echo never");
        CliRunner.Result badCompute = run("job", "create", "-w", "ws1", "--compute", ";touch " + markers.get(7),
                "--command", "echo never");
        CliRunner.Result badImage = run("job", "create", "-w", "ws1", "--compute", "cpu", "--image",
                "x$(touch " + markers.get(7) + ")", "--command", "echo never");
        CliRunner.Result badCluster = run("compute", "create", "-w", "ws1", "--name", "`touch " + markers.get(7) + "`");

        assertThat(job.out()).isEqualTo("ran\n");
        Path work = data.resolve("jobs/ws1/hostile-values/attempt-1/work");
        assertThat(Files.readString(work.resolve("hostile.txt"))).isEqualTo(value);
        assertThat(Files.readString(work.resolve("second.txt"))).isEqualTo("$(touch " + markers.get(6) + ")");
        JsonNode shownJob = JSON.readTree(ok("job", "show", "-w", "ws1", "--name", "hostile-values", "-o", "json").out());
        assertThat(shownJob.toString()).contains("$(touch " + markers.get(3) + ")");
        for (CliRunner.Result refused : List.of(badName, badImage, badCluster)) {
            assertThat(refused.exitCode()).as(refused.err()).isEqualTo(2);
        }
        assertThat(badCompute.exitCode()).as(badCompute.err()).isEqualTo(3);
        assertThat(markers).allSatisfy(marker -> assertThat(marker).doesNotExist());
    }

    /** The private parts of the RSA key (d, p, q, dp, dq, qi). */
    private static List<String> privateKeyParts(Path keyFile) throws IOException {
        JsonNode key = JSON.readTree(keyFile.toFile());
        return Stream.of("d", "p", "q", "dp", "dq", "qi").map(name -> key.path(name).asText())
                .filter(part -> !part.isEmpty()).toList();
    }

    private List<String> logFiles() throws IOException {
        Path logs = data.resolve("logs");
        if (!Files.isDirectory(logs)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(logs)) {
            List<String> texts = new ArrayList<>();
            for (Path file : files.toList()) {
                texts.add(Files.readString(file, StandardCharsets.UTF_8));
            }
            return texts;
        }
    }
}
