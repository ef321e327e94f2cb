package dev.computestudio.infra.identity;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.computestudio.domain.ClusterIdentity;
import dev.computestudio.domain.ComputeCluster;
import dev.computestudio.domain.ConflictException;
import dev.computestudio.domain.IssuedToken;
import dev.computestudio.domain.JobStatus;
import dev.computestudio.domain.UserAssignedIdentity;
import dev.computestudio.domain.Workspace;
import dev.computestudio.domain.port.JobLaunch;
import dev.computestudio.service.ComputeService;
import dev.computestudio.testing.StudioFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static dev.computestudio.infra.identity.Tokens.ARM;
import static dev.computestudio.testing.StudioFixture.DS3;
import static dev.computestudio.testing.StudioFixture.WS;
import static dev.computestudio.testing.StudioFixture.dedicated;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * The token endpoint as jobs meet it: each launch carries the cloud's variables, and a request
 * with them gets a verifiable token for the cluster's identity, or the cloud's refusal.
 */
class TokenEndpointTest {

    @TempDir
    Path dataFolder;
    private StudioFixture studio;
    private UserAssignedIdentity trainer;
    private UserAssignedIdentity other;

    @BeforeEach
    void open() {
        studio = new StudioFixture(dataFolder);
        trainer = studio.identities.create(WS, "trainer-id");
        other = studio.identities.create(WS, "other-id");
        studio.createCluster("sys-cluster", dedicated(DS3, 0, 1).withIdentity(ClusterIdentity.SYSTEM_ASSIGNED));
        studio.createCluster("uai-cluster", dedicated(DS3, 0, 1).withIdentity(
                ClusterIdentity.userAssigned(List.of(trainer.resourceId(), other.resourceId()))));
        studio.createCluster("bare-cluster", dedicated(DS3, 0, 1));
    }

    @AfterEach
    void close() {
        studio.close();
    }

    /** Submits a job and runs engine passes until it runs; the environment its rank 0 got. */
    private Map<String, String> runningJob(String name, String cluster) {
        studio.submit(name, cluster);
        for (int pass = 0; pass < 5 && studio.job(name).status() != JobStatus.RUNNING; pass++) {
            studio.pass();
        }
        assertThat(studio.job(name).status()).isEqualTo(JobStatus.RUNNING);
        List<JobLaunch> launches = studio.runner.launchesOf(name);
        return launches.get(launches.size() - 1).environment();
    }

    @Test
    void aJobGetsTheCloudsAnswerWithATokenForItsClustersSystemIdentity() throws Exception {
        Map<String, String> env = runningJob("train", "sys-cluster");
        ComputeCluster cluster = studio.compute.show(WS, "sys-cluster");
        Workspace workspace = studio.workspaces.show(WS);

        assertThat(env.get("MSI_ENDPOINT")).matches("http://127\\.0\\.0\\.1:\\d+/msi/token");
        assertThat(env.get("MSI_SECRET")).hasSizeGreaterThanOrEqualTo(40);
        assertThat(env.get("DEFAULT_IDENTITY_CLIENT_ID")).isEqualTo(cluster.systemIdentity().clientId());
        long before = Instant.now().getEpochSecond();
        Tokens.Reply reply = Tokens.request(env, ARM, null);

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body().fieldNames()).toIterable()
                .containsExactly("access_token", "expires_in", "expires_on", "resource", "token_type");
        assertThat(reply.body().get("expires_in").asLong()).isEqualTo(3600);
        assertThat(reply.body().get("expires_on").isIntegralNumber()).isTrue();
        assertThat(reply.body().get("expires_on").asLong()).isCloseTo(before + 3600, within(5L));
        assertThat(reply.body().get("resource").asText()).isEqualTo(ARM);
        assertThat(reply.body().get("token_type").asText()).isEqualTo("Bearer");

        SignedJWT jwt = Tokens.verified(reply.body().get("access_token").asText(), env.get("MSI_ENDPOINT"));
        JWTClaimsSet claims = jwt.getJWTClaimsSet();
        String tenant = cluster.systemIdentity().tenantId();
        assertThat(jwt.getHeader().getType().getType()).isEqualTo("JWT");
        assertThat(jwt.getHeader().getKeyID()).isNotBlank();
        assertThat(claims.getAudience()).containsExactly(ARM);
        assertThat(claims.getIssuer()).isEqualTo("https://sts.windows.net/" + tenant + "/");
        assertThat(claims.getSubject()).isEqualTo(cluster.systemIdentity().principalId());
        assertThat(claims.getStringClaim("oid")).isEqualTo(cluster.systemIdentity().principalId());
        assertThat(claims.getStringClaim("appid")).isEqualTo(cluster.systemIdentity().clientId());
        assertThat(claims.getStringClaim("tid")).isEqualTo(tenant).isEqualTo(workspaceTenant());
        assertThat(claims.getStringClaim("xms_mirid")).isEqualTo(ComputeCluster.resourceId(workspace, "sys-cluster"))
                .endsWith("/providers/Microsoft.MachineLearningServices/workspaces/" + WS + "/computes/sys-cluster");
        long issued = claims.getIssueTime().toInstant().getEpochSecond();
        assertThat(issued).isCloseTo(before, within(5L));
        assertThat(claims.getNotBeforeTime().toInstant().getEpochSecond()).isEqualTo(issued);
        assertThat(claims.getExpirationTime().toInstant().getEpochSecond())
                .isEqualTo(issued + 3600).isEqualTo(reply.body().get("expires_on").asLong());
    }

    @Test
    void aUserAssignedClusterGivesItsFirstIdentityByDefaultAndItsOthersByClientId() throws Exception {
        Map<String, String> env = runningJob("train", "uai-cluster");
        assertThat(env.get("DEFAULT_IDENTITY_CLIENT_ID")).isEqualTo(trainer.clientId());

        JWTClaimsSet byDefault = claims(Tokens.request(env, ARM, null), env);
        JWTClaimsSet chosen = claims(Tokens.request(env, "https://storage.azure.com/", other.clientId()), env);

        assertThat(byDefault.getStringClaim("appid")).isEqualTo(trainer.clientId());
        assertThat(byDefault.getSubject()).isEqualTo(trainer.principalId());
        assertThat(byDefault.getStringClaim("xms_mirid")).isEqualTo(trainer.resourceId())
                .contains("/providers/Microsoft.ManagedIdentity/userAssignedIdentities/trainer-id");
        assertThat(byDefault.getStringClaim("tid")).isEqualTo(trainer.tenantId());
        assertThat(chosen.getStringClaim("appid")).isEqualTo(other.clientId());
        assertThat(chosen.getStringClaim("oid")).isEqualTo(other.principalId());
        assertThat(chosen.getAudience()).containsExactly("https://storage.azure.com/");
    }

    @Test
    void aRequestWithoutTheSecretOrWithAWrongOneIs401() throws Exception {
        Map<String, String> env = runningJob("train", "sys-cluster");
        String url = env.get("MSI_ENDPOINT") + "?api-version=2017-09-01&resource=" + ARM;

        Tokens.Reply none = Tokens.get(url, null);
        Tokens.Reply wrong = Tokens.get(url, env.get("MSI_SECRET") + "x");

        assertThat(none.status()).isEqualTo(401);
        assertThat(none.body().get("error").asText()).isEqualTo("invalid_request");
        assertThat(none.body().get("error_description").asText()).contains("'secret'");
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.body().get("error").asText()).isEqualTo("unauthorized_client");
        assertThat(none.body().has("access_token") || wrong.body().has("access_token")).isFalse();
    }

    @Test
    void aJobOnOneClusterCannotGetAnotherClustersIdentity() throws Exception {
        Map<String, String> onSystem = runningJob("on-sys", "sys-cluster");
        Map<String, String> onUser = runningJob("on-uai", "uai-cluster");
        String systemClientId = studio.compute.show(WS, "sys-cluster").systemIdentity().clientId();
        studio.compute.update(WS, "bare-cluster", new ComputeService.Update(null, null, null,
                ClusterIdentity.userAssigned(List.of(studio.identities.create(WS, "bare-id").resourceId())), false));
        String bareClientId = studio.identities.show(WS, "bare-id").clientId();

        Tokens.Reply userAsksForSystem = Tokens.request(onUser, ARM, systemClientId);
        Tokens.Reply systemAsksForUser = Tokens.request(onSystem, ARM, trainer.clientId());
        Tokens.Reply userAsksForBare = Tokens.request(onUser, ARM, bareClientId);

        for (Tokens.Reply refused : List.of(userAsksForSystem, systemAsksForUser, userAsksForBare)) {
            assertThat(refused.status()).isEqualTo(400);
            assertThat(refused.body().get("error").asText()).isEqualTo("invalid_request");
            assertThat(refused.body().get("error_description").asText()).startsWith("Identity not found");
            assertThat(refused.body().has("access_token")).isFalse();
        }
        assertThat(userAsksForSystem.body().get("error_description").asText())
                .contains("compute 'uai-cluster' has no managed identity with client id '" + systemClientId + "'");
    }

    @Test
    void aClusterWithNoIdentityIs400SayingHowToGiveItOne() throws Exception {
        Map<String, String> env = runningJob("train", "bare-cluster");
        assertThat(env).containsKeys("MSI_ENDPOINT", "MSI_SECRET").doesNotContainKey("DEFAULT_IDENTITY_CLIENT_ID");

        Tokens.Reply reply = Tokens.request(env, ARM, null);

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.body().get("error_description").asText())
                .isEqualTo("Identity not found: compute 'bare-cluster' has no managed identity; give it one with "
                        + "'compute update -w ws-demo --name bare-cluster --identity-type system_assigned' "
                        + "(or user_assigned)");
    }

    @Test
    void aFinishedAttemptsSecretIs401AndTheNextAttemptGetsANewOne() throws Exception {
        Map<String, String> first = runningJob("train", "sys-cluster");
        assertThat(Tokens.request(first, ARM, null).status()).isEqualTo(200);

        studio.runner.exit("train", 0, 0);
        studio.pass();
        assertThat(studio.job("train").status()).isEqualTo(JobStatus.COMPLETED);
        Tokens.Reply afterEnd = Tokens.request(first, ARM, null);
        Map<String, String> next = runningJob("train-again", "sys-cluster");

        assertThat(afterEnd.status()).isEqualTo(401);
        assertThat(afterEnd.body().get("error_description").asText())
                .isEqualTo("The secret belonged to attempt 1 of job 'train', which is no longer running; "
                        + "a secret works only while its attempt runs");
        assertThat(next.get("MSI_SECRET")).isNotEqualTo(first.get("MSI_SECRET"));
        assertThat(Tokens.request(next, ARM, null).status()).isEqualTo(200);
    }

    @Test
    void aPreemptedAttemptsSecretStopsWorkingWhenTheJobIsRequeued() throws Exception {
        studio.createCluster("spot", StudioFixture.lowPriority(DS3, 0, 1)
                .withIdentity(ClusterIdentity.SYSTEM_ASSIGNED));
        Map<String, String> first = runningJob("train", "spot");

        studio.compute.preempt(WS, "spot", null);
        studio.pass();

        for (int pass = 0; pass < 5 && studio.job("train").status() != JobStatus.RUNNING; pass++) {
            studio.pass();
        }
        assertThat(studio.job("train").attempt()).isEqualTo(2);
        List<JobLaunch> launches = studio.runner.launchesOf("train");
        Map<String, String> second = launches.get(launches.size() - 1).environment();

        Tokens.Reply old = Tokens.request(first, ARM, null);
        assertThat(old.status()).isEqualTo(401);
        assertThat(old.body().get("error_description").asText()).contains("attempt 1 of job 'train'");
        assertThat(Tokens.request(second, ARM, null).status()).isEqualTo(200);
    }

    @Test
    void badRequestsAreRefusedWithTheCloudsErrorShape() throws Exception {
        Map<String, String> env = runningJob("train", "sys-cluster");
        String base = env.get("MSI_ENDPOINT");

        Tokens.Reply noResource = Tokens.get(base + "?api-version=2017-09-01", env.get("MSI_SECRET"));
        Tokens.Reply oldApi = Tokens.get(base + "?api-version=2015-01-01&resource=" + ARM, env.get("MSI_SECRET"));
        Tokens.Reply elsewhere = Tokens.get(base.replace("/msi/token", "/metadata"), env.get("MSI_SECRET"));

        assertThat(noResource.status()).isEqualTo(400);
        assertThat(noResource.body().get("error_description").asText()).contains("'resource' is missing");
        assertThat(oldApi.status()).isEqualTo(400);
        assertThat(oldApi.body().get("error_description").asText()).contains("use 2017-09-01");
        assertThat(elsewhere.status()).isEqualTo(404);
    }

    @Test
    void secretsAreStoredOnlyAsHashesAndNeverInTheJobsRecord() throws Exception {
        Map<String, String> env = runningJob("train", "sys-cluster");
        String secret = env.get("MSI_SECRET");

        assertThat(studio.db.identityCredentials().findBySecretHash(TokenRequests.hash(secret))).isPresent();
        assertThat(studio.db.identityCredentials().findBySecretHash(secret)).isEmpty();
        assertThat(studio.job("train").spec().environmentVariables()).doesNotContainKeys("MSI_SECRET", "MSI_ENDPOINT");
        assertThat(studio.events()).noneMatch(event -> String.valueOf(event.reason()).contains(secret));
    }

    @Test
    void theSigningKeyIsOwnerOnlyAndSharedByEveryProcessOfTheDataFolder() throws Exception {
        Map<String, String> env = runningJob("train", "sys-cluster");
        String kid = SignedJWT.parse(Tokens.request(env, ARM, null).body().get("access_token").asText())
                .getHeader().getKeyID();
        Path key = dataFolder.resolve("identity").resolve(SigningKey.FILE);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key.getParent())))
                .isEqualTo("rwx------");
        assertThat(SigningKey.loadOrCreate(dataFolder).getKeyID()).isEqualTo(kid);
        try (LocalManagedIdentity anotherProcess = new LocalManagedIdentity(dataFolder, studio.stores,
                studio.db.identityCredentials(), Clock.systemUTC(), null)) {
            IssuedToken probed = anotherProcess.requestAsJobOn(WS, "sys-cluster", ARM, null);
            assertThat(probed.header().get("kid")).isEqualTo(kid);
        }
    }

    @Test
    void aProbeAsksAsAJobWouldAndLeavesNoCredentialBehind() throws Exception {
        IssuedToken token = studio.identities.requestToken(WS, "uai-cluster", null, other.clientId());

        assertThat(token.signatureVerified()).isTrue();
        assertThat(token.endpoint()).matches("http://127\\.0\\.0\\.1:\\d+/msi/token\\?api-version=2017-09-01"
                + "&resource=https%3A%2F%2Fmanagement.azure.com%2F&clientid=" + other.clientId());
        assertThat(token.resource()).isEqualTo(ARM);
        assertThat(token.tokenType()).isEqualTo("Bearer");
        assertThat(token.expiresIn()).isEqualTo(3600);
        assertThat(token.header()).containsEntry("alg", "RS256").containsEntry("typ", "JWT").containsKey("kid");
        assertThat(token.claims()).containsEntry("aud", ARM).containsEntry("appid", other.clientId())
                .containsEntry("oid", other.principalId()).containsEntry("sub", other.principalId())
                .containsEntry("xms_mirid", other.resourceId()).containsEntry("tid", other.tenantId())
                .containsKeys("iat", "nbf", "exp", "iss", "uti", "ver");
        assertThatThrownBy(() -> studio.identities.requestToken(WS, "bare-cluster", null, null))
                .isInstanceOf(ConflictException.class)
                .hasMessageStartingWith("the token endpoint refused the request (400 invalid_request): "
                        + "Identity not found: compute 'bare-cluster' has no managed identity");
    }

    private String workspaceTenant() {
        return new dev.computestudio.service.Installation(studio.stores.settings()).tenantId();
    }

    private static JWTClaimsSet claims(Tokens.Reply reply, Map<String, String> env) throws Exception {
        assertThat(reply.status()).as(reply.body().toString()).isEqualTo(200);
        return Tokens.verified(reply.body().get("access_token").asText(), env.get("MSI_ENDPOINT")).getJWTClaimsSet();
    }
}
