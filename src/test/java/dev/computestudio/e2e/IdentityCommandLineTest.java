package dev.computestudio.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The identity commands and a streamed job's token, as a user runs them: separate JVMs over one H2 file. */
class IdentityCommandLineTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path data;
    private CliRunner cli;

    @BeforeEach
    void workspaceAndCluster() throws Exception {
        cli = new CliRunner(data);
        assertThat(cli.run("workspace", "create", "--name", "ws1").exitCode()).isZero();
        assertThat(cli.run("compute", "create", "-w", "ws1", "--name", "cpu", "--max-instances", "1").exitCode())
                .isZero();
    }

    @Test
    void identitiesAreResourcesThatClustersMustReallyHaveAndATokenCanBeTriedFromATerminal() throws Exception {
        CliRunner.Result created = cli.run("identity", "create", "-w", "ws1", "--name", "trainer-id", "-o", "json");
        assertThat(created.exitCode()).as(created.err()).isZero();
        JsonNode identity = JSON.readTree(created.out());
        assertThat(identity.get("id").asText()).matches("/subscriptions/[0-9a-f-]{36}/resourceGroups/rg-ws1/providers/"
                + "Microsoft.ManagedIdentity/userAssignedIdentities/trainer-id");
        assertThat(identity.get("name").asText()).isEqualTo("trainer-id");
        assertThat(identity.get("clientId").asText()).matches("[0-9a-f-]{36}");
        assertThat(identity.get("principalId").asText()).matches("[0-9a-f-]{36}");
        assertThat(identity.get("tenantId").asText()).matches("[0-9a-f-]{36}");
        String madeUp = identity.get("id").asText().replace("trainer-id", "nobody-id");

        CliRunner.Result refused = cli.run("compute", "update", "-w", "ws1", "--name", "cpu", "--identity-type",
                "user_assigned", "--user-assigned-identities", madeUp);
        CliRunner.Result assigned = cli.run("compute", "update", "-w", "ws1", "--name", "cpu", "--identity-type",
                "user_assigned", "--user-assigned-identities", identity.get("id").asText(), "-o", "json");
        CliRunner.Result inUse = cli.run("identity", "delete", "-w", "ws1", "--name", "trainer-id");
        CliRunner.Result token = cli.run("identity", "token", "-w", "ws1", "--compute", "cpu");
        CliRunner.Result listed = cli.run("identity", "list", "-w", "ws1", "-o", "json");

        assertThat(refused.exitCode()).isEqualTo(2);
        assertThat(refused.err()).contains("'" + madeUp + "' is not a user-assigned identity of workspace 'ws1'")
                .doesNotContain("Exception");
        assertThat(assigned.exitCode()).as(assigned.err()).isZero();
        assertThat(JSON.readTree(assigned.out()).get("identity").get("type").asText()).isEqualTo("UserAssigned");
        assertThat(inUse.exitCode()).isEqualTo(4);
        assertThat(inUse.err()).contains("identity 'trainer-id' is still used by compute 'cpu'");
        assertThat(token.exitCode()).as(token.err()).isZero();
        assertThat(token.out()).contains("Signature verified (RS256, key ")
                .containsPattern("payload +appid +" + identity.get("clientId").asText())
                .containsPattern("payload +xms_mirid +" + identity.get("id").asText())
                .contains("secret: (the cluster's MSI_SECRET, not shown)");
        JsonNode list = JSON.readTree(listed.out());
        assertThat(list).hasSize(1);
        assertThat(list.get(0).get("clientId").asText()).isEqualTo(identity.get("clientId").asText());
        for (CliRunner.Result result : new CliRunner.Result[] {created, assigned, token, listed}) {
            assertThat(result.out().toLowerCase()).doesNotContain("\"secret\"").doesNotContain("access_token");
        }
    }

    @Test
    void aStreamedJobFetchesATokenAndTheKeysWithCurlAndTheTokenVerifies() throws Exception {
        JsonNode identity = JSON.readTree(cli.run("identity", "create", "-w", "ws1", "--name", "trainer-id", "-o",
                "json").out());
        assertThat(cli.run("compute", "update", "-w", "ws1", "--name", "cpu", "--identity-type", "user_assigned",
                "--user-assigned-identities", identity.get("id").asText()).exitCode()).isZero();
        String command = "curl -s -H \"secret: $MSI_SECRET\" "
                + "\"$MSI_ENDPOINT?api-version=2017-09-01&resource=https://management.azure.com/\" > token.json && "
                + "curl -s \"${MSI_ENDPOINT%/token}/jwks\" > jwks.json && echo fetched";

        CliRunner.Result job = cli.run("job", "create", "-w", "ws1", "--compute", "cpu", "--name", "msi",
                "--command", command, "--stream");

        assertThat(job.exitCode()).as(job.err()).isZero();
        assertThat(job.out()).isEqualTo("fetched\n");
        Path work = data.resolve("jobs/ws1/msi/attempt-1/work");
        SignedJWT jwt = SignedJWT.parse(JSON.readTree(work.resolve("token.json").toFile()).get("access_token")
                .asText());
        RSAKey key = (RSAKey) JWKSet.parse(Files.readString(work.resolve("jwks.json")))
                .getKeyByKeyId(jwt.getHeader().getKeyID());
        assertThat(jwt.verify(new RSASSAVerifier(key.toRSAPublicKey()))).isTrue();
        assertThat(jwt.getJWTClaimsSet().getStringClaim("appid")).isEqualTo(identity.get("clientId").asText());
        assertThat(jwt.getJWTClaimsSet().getStringClaim("xms_mirid")).isEqualTo(identity.get("id").asText());
    }
}
