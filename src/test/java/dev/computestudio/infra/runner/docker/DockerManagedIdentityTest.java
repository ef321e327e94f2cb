package dev.computestudio.infra.runner.docker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Container;
import com.nimbusds.jwt.JWTClaimsSet;
import dev.computestudio.app.AppContext;
import dev.computestudio.domain.ClusterIdentity;
import dev.computestudio.domain.ClusterSpec;
import dev.computestudio.domain.ComputeCluster;
import dev.computestudio.domain.Job;
import dev.computestudio.domain.JobFiles;
import dev.computestudio.domain.JobSpec;
import dev.computestudio.domain.JobStatus;
import dev.computestudio.domain.VmCatalog;
import dev.computestudio.domain.Workspace;
import dev.computestudio.engine.EngineSettings;
import dev.computestudio.infra.identity.Tokens;
import dev.computestudio.infra.persistence.Database;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A job in a container asks for a token with busybox's wget and only the injected variables: it
 * reaches the endpoint on the Docker bridge, as jobs in the cloud reach theirs. Skipped, saying
 * why, where no Docker engine answers.
 */
class DockerManagedIdentityTest {

    private static final String IMAGE = "busybox:latest";
    private static final String WS = "ws1";
    private static final String CLUSTER = "docker-id";
    private static final Duration PATIENCE = Duration.ofSeconds(90);
    private static final ObjectMapper JSON = new ObjectMapper();
    /** busybox wget: no curl in the image. Only MSI_ENDPOINT and MSI_SECRET are used. */
    private static final String WGET = "wget -q -O token.json --header \"secret: $MSI_SECRET\" "
            + "\"$MSI_ENDPOINT?api-version=2017-09-01&resource=https://management.azure.com/\"; "
            + "echo \"$MSI_ENDPOINT\" > endpoint.txt";
    private static DockerEngine engine;

    @TempDir
    Path folder;
    private AppContext studio;

    @BeforeAll
    static void engineAndImage() throws Exception {
        DockerEngine local = DockerEngine.fromEnvironment();
        assumeTrue(local.answers(), "no Docker engine answers at " + local.host()
                + ": the managed identity test in containers is skipped (CI starts one in .ci/run)");
        engine = local;
        try {
            local.client().inspectImageCmd(IMAGE).exec();
        } catch (NotFoundException e) {
            Process importing = new ProcessBuilder("assets/docker/import-busybox.sh", IMAGE).inheritIO().start();
            assertThat(importing.waitFor()).as("making " + IMAGE + " with assets/docker/import-busybox.sh").isZero();
        }
    }

    @AfterEach
    void cleanUp() {
        if (studio != null) {
            studio.close();
        }
        DockerClient client = engine.client();
        for (Container container : client.listContainersCmd().withShowAll(true)
                .withLabelFilter(Map.of(DockerNodeRunner.LABEL_DATA, folder.toAbsolutePath().normalize().toString()))
                .exec()) {
            client.removeContainerCmd(container.getId()).withForce(true).exec();
        }
        client.listNetworksCmd().withNameFilter("computestudio-" + WS + "-" + CLUSTER).exec().stream()
                .filter(network -> folder.toAbsolutePath().normalize().toString()
                        .equals(network.getLabels().get(DockerNodeRunner.LABEL_DATA)))
                .forEach(network -> client.removeNetworkCmd(network.getId()).exec());
    }

    @Test
    void aContainerJobGetsAVerifiableTokenThroughTheDockerBridge() throws Exception {
        InetAddress bridge = engine.bridgeGateway().orElse(null);
        assumeTrue(bridge != null, "the Docker engine's bridge is not on this machine: containers cannot reach "
                + "the endpoint, so jobs get no MSI_ENDPOINT (see the log)");
        VmCatalog catalog = VmCatalog.standard();
        DockerNodeRunner runner = new DockerNodeRunner(engine, folder,
                node -> catalog.find("Standard_DS1_v2").orElseThrow(), () -> new DockerImages(IMAGE, IMAGE));
        studio = AppContext.over(folder, Database.openFile(folder), runner,
                Clock.systemUTC(), EngineSettings.defaults().withTick(Duration.ofMillis(200)), "docker identity test");
        studio.engine().start();
        Workspace workspace = studio.workspaces().create(WS, null, null);
        studio.compute().create(WS, CLUSTER, ClusterSpec.defaults("Standard_DS1_v2")
                .withScale(0, 1, Duration.ofSeconds(5)).withIdentity(ClusterIdentity.SYSTEM_ASSIGNED));
        ComputeCluster cluster = studio.compute().show(WS, CLUSTER);

        studio.jobs().submit(WS, new JobSpec("wget-token", null, null, CLUSTER, WGET, IMAGE, 1, Map.of(), null,
                null));
        await().atMost(PATIENCE).until(() -> studio.jobs().show(WS, "wget-token").status().isFinal());
        Job job = studio.jobs().show(WS, "wget-token");

        Path work = new JobFiles(folder).workingDirectory(WS, job.name(), job.attempt());
        assertThat(job.status()).as(job.error() + " / log: " + log(job)).isEqualTo(JobStatus.COMPLETED);
        assertThat(Files.readString(work.resolve("endpoint.txt")).strip())
                .matches("http://" + bridge.getHostAddress().replace(".", "\\.") + ":\\d+/msi/token");
        JsonNode answer = JSON.readTree(work.resolve("token.json").toFile());
        assertThat(answer.get("token_type").asText()).isEqualTo("Bearer");
        assertThat(answer.get("expires_in").asInt()).isEqualTo(3600);
        JWTClaimsSet claims = Tokens.verified(answer.get("access_token").asText(),
                studio.identityEndpoint().orElseThrow()).getJWTClaimsSet();
        assertThat(claims.getAudience()).containsExactly(Tokens.ARM);
        assertThat(claims.getStringClaim("appid")).isEqualTo(cluster.systemIdentity().clientId());
        assertThat(claims.getSubject()).isEqualTo(cluster.systemIdentity().principalId());
        assertThat(claims.getStringClaim("oid")).isEqualTo(cluster.systemIdentity().principalId());
        assertThat(claims.getStringClaim("tid")).isEqualTo(cluster.systemIdentity().tenantId());
        assertThat(claims.getIssuer()).isEqualTo("https://sts.windows.net/" + cluster.systemIdentity().tenantId() + "/");
        assertThat(claims.getStringClaim("xms_mirid")).isEqualTo(ComputeCluster.resourceId(workspace, CLUSTER));
        assertThat(claims.getExpirationTime().toInstant().getEpochSecond())
                .isEqualTo(claims.getIssueTime().toInstant().getEpochSecond() + 3600)
                .isEqualTo(answer.get("expires_on").asLong());
    }

    private String log(Job job) {
        try {
            return Files.readString(new JobFiles(folder).logFile(WS, job.name(), job.attempt(), 0));
        } catch (Exception e) {
            return "(no log)";
        }
    }
}
