package dev.computestudio.app;

import dev.computestudio.cli.RunnerChoice;
import dev.computestudio.domain.Node;
import dev.computestudio.domain.ValidationException;
import dev.computestudio.domain.VmCatalog;
import dev.computestudio.domain.VmSize;
import dev.computestudio.domain.port.NodeRunner;
import dev.computestudio.domain.port.Repositories;
import dev.computestudio.infra.runner.ProcessNodeRunner;
import dev.computestudio.infra.runner.docker.DockerEngine;
import dev.computestudio.infra.runner.docker.DockerImages;
import dev.computestudio.infra.runner.docker.DockerNodeRunner;
import dev.computestudio.service.ConfigService;

import java.nio.file.Path;
import java.util.Optional;

/** Picks the node runner {@code --runner} asks for, and says which one a machine would get. */
final class Runners {

    private Runners() {
    }

    static NodeRunner choose(RunnerChoice choice, Path dataFolder, Repositories stores, VmCatalog catalog) {
        return switch (choice) {
            case PROCESS -> new ProcessNodeRunner(dataFolder);
            case DOCKER -> docker(DockerEngine.connect().orElseThrow(() -> ValidationException.of("runner",
                    "docker-engine", "--runner docker needs a Docker engine, and none answers at "
                            + DockerEngine.fromEnvironment().host() + " (set DOCKER_HOST for another one, or use "
                            + "--runner process)")), dataFolder, stores, catalog);
            case AUTO -> DockerEngine.connect()
                    .<NodeRunner>map(engine -> docker(engine, dataFolder, stores, catalog))
                    .orElseGet(() -> new ProcessNodeRunner(dataFolder));
        };
    }

    /** What {@code --runner auto} would pick here, in a line for {@code --version}. */
    static String describeAuto() {
        Optional<DockerEngine> engine = DockerEngine.connect();
        return engine.map(e -> "docker (Docker " + e.version() + " at " + e.host() + ")")
                .orElseGet(() -> "process (no Docker engine answers at " + DockerEngine.fromEnvironment().host() + ")");
    }

    private static NodeRunner docker(DockerEngine engine, Path dataFolder, Repositories stores, VmCatalog catalog) {
        ConfigService config = new ConfigService(stores.settings());
        return new DockerNodeRunner(engine, dataFolder, node -> sizeOf(node, stores, catalog),
                () -> new DockerImages(config.get(ConfigService.NODE_IMAGE), config.get(ConfigService.JOB_IMAGE)));
    }

    private static VmSize sizeOf(Node node, Repositories stores, VmCatalog catalog) {
        return stores.clusters().find(node.workspace(), node.cluster())
                .flatMap(cluster -> catalog.find(cluster.spec().size()))
                .orElseGet(() -> catalog.find(VmCatalog.DEFAULT_SIZE).orElseThrow());
    }
}
