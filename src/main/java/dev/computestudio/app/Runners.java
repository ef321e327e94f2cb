package dev.computestudio.app;

import dev.computestudio.domain.Message;
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
import java.util.concurrent.CompletableFuture;

/** Picks the node runner {@code --runner} asks for, and says which one a machine would get. */
final class Runners {

    private Runners() {
    }

    /**
     * Starts asking the Docker engine whether it answers, when the choice may need it. Loading
     * docker-java and the ping take about as long as opening the database, and neither needs the
     * other, so the caller opens the database meanwhile and passes this to {@link #choose}.
     */
    static CompletableFuture<Optional<DockerEngine>> probeDocker(RunnerChoice choice) {
        if (choice == RunnerChoice.PROCESS) {
            return CompletableFuture.completedFuture(Optional.empty());
        }
        return CompletableFuture.supplyAsync(DockerEngine::connect, task -> {
            Thread thread = new Thread(task, "docker-probe");
            thread.setDaemon(true);
            thread.start();
        });
    }

    /** @param docker the answer of {@link #probeDocker} for the same choice */
    static NodeRunner choose(RunnerChoice choice, CompletableFuture<Optional<DockerEngine>> docker, Path dataFolder,
                             Repositories stores, VmCatalog catalog) {
        return switch (choice) {
            case PROCESS -> new ProcessNodeRunner(dataFolder);
            case DOCKER -> docker(Outcome.of(docker).orElseThrow(() -> ValidationException.of("runner",
                    "docker-engine", Message.of("invalid.runner.no-docker", DockerEngine.fromEnvironment().host()))),
                    dataFolder, stores, catalog);
            case AUTO -> Outcome.of(docker)
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
