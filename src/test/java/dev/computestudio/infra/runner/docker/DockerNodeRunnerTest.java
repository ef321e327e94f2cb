package dev.computestudio.infra.runner.docker;

import dev.computestudio.domain.VmCatalog;
import dev.computestudio.domain.port.NodeRunner;
import dev.computestudio.infra.runner.CommandRunnerContractTest;
import org.junit.jupiter.api.BeforeAll;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The runner contract on a real Docker engine: nodes and ranks as containers of a tiny image this
 * test makes itself from Debian's busybox-static, with no registry. Skipped, saying why, where no
 * engine answers.
 */
class DockerNodeRunnerTest extends CommandRunnerContractTest {

    private static final String IMAGE = "compute-studio-test/busybox:1";
    private static DockerEngine engine;

    @BeforeAll
    static void engineAndImage() throws Exception {
        DockerEngine local = DockerEngine.fromEnvironment();
        assumeTrue(local.answers(), "no Docker engine answers at " + local.host()
                + ": the Docker runner's contract is skipped (CI starts one in .ci/run)");
        engine = local;
        Process importing = new ProcessBuilder("assets/docker/import-busybox.sh", IMAGE).inheritIO().start();
        assertThat(importing.waitFor()).as("importing the test image").isZero();
    }

    @Override
    protected NodeRunner openRunner(Path dataFolder) {
        VmCatalog catalog = VmCatalog.standard();
        return new DockerNodeRunner(engine, dataFolder, node -> catalog.find("Standard_DS1_v2").orElseThrow(),
                () -> new DockerImages(IMAGE, IMAGE));
    }
}
