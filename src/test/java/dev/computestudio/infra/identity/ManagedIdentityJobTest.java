package dev.computestudio.infra.identity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.computestudio.app.AppContext;
import dev.computestudio.domain.ClusterIdentity;
import dev.computestudio.domain.ClusterSpec;
import dev.computestudio.domain.ComputeCluster;
import dev.computestudio.domain.Job;
import dev.computestudio.domain.JobFiles;
import dev.computestudio.domain.JobSpec;
import dev.computestudio.domain.JobStatus;
import dev.computestudio.domain.UserAssignedIdentity;
import dev.computestudio.domain.Workspace;
import dev.computestudio.engine.EngineSettings;
import dev.computestudio.infra.persistence.Database;
import dev.computestudio.infra.runner.ProcessNodeRunner;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static dev.computestudio.infra.identity.Tokens.ARM;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

/**
 * A real job, a local process, asks for a token with curl and nothing but the variables the
 * engine gave it, exactly as code in a cloud job does; the test checks the token as a resource
 * would: its signature against the published keys, then every claim.
 */
class ManagedIdentityJobTest {

    /** What the job runs: only MSI_ENDPOINT and MSI_SECRET, as the cloud's documentation shows. */
    static final String CURL = "curl -s -H \"secret: $MSI_SECRET\" "
            + "\"$MSI_ENDPOINT?api-version=2017-09-01&resource=https://management.azure.com/\" > token.json";
    private static final String WS = "ws1";
    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path folder;
    private AppContext studio;

    @AfterEach
    void close() {
        if (studio != null) {
            studio.close();
        }
    }

    @Test
    void aProcessJobGetsAVerifiableTokenForItsUserAssignedIdentityWithCurl() throws Exception {
        studio = AppContext.over(folder, Database.openFile(folder), new ProcessNodeRunner(folder),
                Clock.systemUTC(), EngineSettings.defaults().withTick(Duration.ofMillis(200)), "identity test");
        studio.engine().start();
        studio.workspaces().create(WS, null, null);
        UserAssignedIdentity trainer = studio.identities().create(WS, "trainer-id");
        studio.compute().create(WS, "gpu", ClusterSpec.defaults("Standard_DS1_v2").withScale(0, 1,
                Duration.ofSeconds(30)).withIdentity(ClusterIdentity.userAssigned(List.of(trainer.resourceId()))));
        long before = Instant.now().getEpochSecond();

        Job job = run("curl-token", "gpu", CURL + "; echo \"$DEFAULT_IDENTITY_CLIENT_ID\" > client-id.txt");

        assertThat(job.status()).as(String.valueOf(job.error())).isEqualTo(JobStatus.COMPLETED);
        Path work = new JobFiles(folder).workingDirectory(WS, job.name(), job.attempt());
        assertThat(Files.readString(work.resolve("client-id.txt")).strip()).isEqualTo(trainer.clientId());
        JsonNode answer = JSON.readTree(work.resolve("token.json").toFile());
        assertThat(answer.fieldNames()).toIterable()
                .containsExactly("access_token", "expires_in", "expires_on", "resource", "token_type");
        assertThat(answer.get("token_type").asText()).isEqualTo("Bearer");
        assertThat(answer.get("resource").asText()).isEqualTo(ARM);
        assertThat(answer.get("expires_in").asInt()).isEqualTo(3600);
        assertThat(answer.get("expires_on").isIntegralNumber()).isTrue();

        String endpoint = studio.identityEndpoint().orElseThrow();
        SignedJWT jwt = Tokens.verified(answer.get("access_token").asText(), endpoint);
        JWTClaimsSet claims = jwt.getJWTClaimsSet();
        String issuer = "https://sts.windows.net/" + trainer.tenantId() + "/";
        assertThat(jwt.getHeader().toJSONObject()).containsOnlyKeys("alg", "typ", "kid");
        assertThat(claims.getClaims()).containsOnlyKeys("aud", "iss", "iat", "nbf", "exp", "appid", "appidacr", "idp",
                "oid", "sub", "tid", "uti", "ver", "xms_mirid");
        assertThat(claims.getAudience()).containsExactly(ARM);
        assertThat(claims.getIssuer()).isEqualTo(issuer);
        assertThat(claims.getStringClaim("idp")).isEqualTo(issuer);
        assertThat(claims.getSubject()).isEqualTo(trainer.principalId());
        assertThat(claims.getStringClaim("oid")).isEqualTo(trainer.principalId());
        assertThat(claims.getStringClaim("appid")).isEqualTo(trainer.clientId());
        assertThat(claims.getStringClaim("appidacr")).isEqualTo("2");
        assertThat(claims.getStringClaim("tid")).isEqualTo(trainer.tenantId());
        assertThat(claims.getStringClaim("ver")).isEqualTo("1.0");
        assertThat(claims.getStringClaim("uti")).isNotBlank();
        assertThat(claims.getStringClaim("xms_mirid")).isEqualTo(trainer.resourceId()).isEqualTo(
                studio.workspaces().show(WS).resourceGroupId()
                        + "/providers/Microsoft.ManagedIdentity/userAssignedIdentities/trainer-id");
        long issued = claims.getIssueTime().toInstant().getEpochSecond();
        assertThat(issued).isCloseTo(before, within(30L));
        assertThat(claims.getNotBeforeTime().toInstant().getEpochSecond()).isEqualTo(issued);
        assertThat(claims.getExpirationTime().toInstant().getEpochSecond()).isEqualTo(issued + 3600)
                .isEqualTo(answer.get("expires_on").asLong());
        assertThat(Files.readString(new JobFiles(folder).logFile(WS, job.name(), job.attempt(), 0)))
                .as("the job's log").doesNotContain(answer.get("access_token").asText().substring(0, 20));
    }

    @Test
    void aProcessJobOnASystemAssignedClusterIsRefusedAnotherClustersIdentity() throws Exception {
        studio = AppContext.over(folder, Database.openFile(folder), new ProcessNodeRunner(folder),
                Clock.systemUTC(), EngineSettings.defaults().withTick(Duration.ofMillis(200)), "identity test");
        studio.engine().start();
        Workspace workspace = studio.workspaces().create(WS, null, null);
        UserAssignedIdentity elsewhere = studio.identities().create(WS, "other-cluster-id");
        studio.compute().create(WS, "cluster-a", ClusterSpec.defaults("Standard_DS1_v2")
                .withScale(0, 1, Duration.ofSeconds(30)).withIdentity(ClusterIdentity.SYSTEM_ASSIGNED));
        studio.compute().create(WS, "cluster-b", ClusterSpec.defaults("Standard_DS1_v2")
                .withScale(0, 1, Duration.ofSeconds(30))
                .withIdentity(ClusterIdentity.userAssigned(List.of(elsewhere.resourceId()))));
        String asked = "curl -s -o %s -w '%%{http_code}' -H \"secret: $MSI_SECRET\" "
                + "\"$MSI_ENDPOINT?api-version=2017-09-01&resource=https://management.azure.com/%s\" > %s";

        Job job = run("greedy", "cluster-a", String.format(asked, "own.json", "", "own.status") + "; "
                + String.format(asked, "other.json", "&clientid=" + elsewhere.clientId(), "other.status"));

        assertThat(job.status()).isEqualTo(JobStatus.COMPLETED);
        Path work = new JobFiles(folder).workingDirectory(WS, job.name(), job.attempt());
        assertThat(Files.readString(work.resolve("own.status"))).isEqualTo("200");
        assertThat(Files.readString(work.resolve("other.status"))).isEqualTo("400");
        JsonNode refused = JSON.readTree(work.resolve("other.json").toFile());
        assertThat(refused.get("error").asText()).isEqualTo("invalid_request");
        assertThat(refused.get("error_description").asText()).isEqualTo("Identity not found: compute 'cluster-a' "
                + "has no managed identity with client id '" + elsewhere.clientId() + "'");
        ComputeCluster clusterA = studio.compute().show(WS, "cluster-a");
        JWTClaimsSet own = Tokens.verified(JSON.readTree(work.resolve("own.json").toFile()).get("access_token")
                .asText(), studio.identityEndpoint().orElseThrow()).getJWTClaimsSet();
        assertThat(own.getStringClaim("appid")).isEqualTo(clusterA.systemIdentity().clientId());
        assertThat(own.getStringClaim("xms_mirid")).isEqualTo(ComputeCluster.resourceId(workspace, "cluster-a"));
    }

    private Job run(String name, String cluster, String command) {
        studio.jobs().submit(WS, new JobSpec(name, null, null, cluster, command, null, 1, Map.of(), null, null));
        await().atMost(PATIENCE).until(() -> studio.jobs().show(WS, name).status().isFinal());
        return studio.jobs().show(WS, name);
    }
}
