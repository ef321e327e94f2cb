package dev.computestudio.infra.runner.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.command.CreateContainerResponse;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.exception.NotModifiedException;
import com.github.dockerjava.api.model.AccessMode;
import com.github.dockerjava.api.model.Bind;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.Info;
import com.github.dockerjava.api.model.Volume;
import dev.computestudio.domain.Message;
import dev.computestudio.domain.Node;
import dev.computestudio.domain.VmSize;
import dev.computestudio.domain.port.JobBinding;
import dev.computestudio.domain.port.JobLaunch;
import dev.computestudio.domain.port.NodeRunner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Nodes as long-lived containers and jobs as containers of their image beside them: a job
 * container shares its node's network and limits, mounts the attempt's working folder at
 * {@value #WORKDIR}, and its output is appended to the rank's log as it is written. Everything
 * carries labels, so {@code docker ps --filter label=computestudio.cluster=NAME} shows a cluster
 * and a new engine finds what a crashed one left.
 */
public final class DockerNodeRunner implements NodeRunner {

    static final String WORKDIR = "/workspace";
    /** Inputs (read-only) and outputs appear under here, one folder each: /mnt/azureml/inputs/NAME. */
    static final String DATA_ROOT = "/mnt/azureml";
    static final String LABEL_DATA = "computestudio.data";
    static final String LABEL_WORKSPACE = "computestudio.workspace";
    static final String LABEL_CLUSTER = "computestudio.cluster";
    static final String LABEL_NODE = "computestudio.node";
    static final String LABEL_JOB = "computestudio.job";

    private static final Logger LOG = LoggerFactory.getLogger(DockerNodeRunner.class);
    private static final int STOP_GRACE_SECONDS = 2;
    private static final long HEALTH_CACHE_MILLIS = 1_000;
    /** The node's main process: stays up doing nothing, ends at once on SIGTERM. */
    private static final List<String> NODE_COMMAND = List.of("sh", "-c", "trap 'exit 0' TERM; while :; do sleep 1; done");

    private final DockerEngine engine;
    private final DockerClient client;
    private final String dataFolder;
    private final Function<Node, VmSize> sizeOf;
    private final Supplier<DockerImages> images;
    private final ExecutorService waiters = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "docker-job-waiter");
        thread.setDaemon(true);
        return thread;
    });
    private volatile long healthCheckedAt;
    private volatile Message healthProblem;

    public DockerNodeRunner(DockerEngine engine, Path dataFolder, Function<Node, VmSize> sizeOf,
                            Supplier<DockerImages> images) {
        this.engine = engine;
        this.client = engine.client();
        this.dataFolder = dataFolder.toAbsolutePath().normalize().toString();
        this.sizeOf = sizeOf;
        this.images = images;
    }

    @Override
    public String name() {
        return "docker";
    }

    /** The engine the nodes run on. */
    public DockerEngine engine() {
        return engine;
    }

    @Override
    public String startNode(Node node) {
        String image = images.get().nodeImage();
        String network = ensureNetwork(node.workspace(), node.cluster());
        Info info = client.infoCmd().exec();
        ContainerLimits limits = ContainerLimits.of(sizeOf.apply(node), info.getNCPU(), info.getMemTotal());
        Map<String, String> labels = labels(node.workspace(), node.cluster());
        labels.put(LABEL_NODE, node.id());
        CreateContainerResponse created = create(image, () -> client.createContainerCmd(image)
                .withName(node.id())
                .withLabels(labels)
                .withCmd(NODE_COMMAND)
                .withHostName(node.id())
                .withHostConfig(HostConfig.newHostConfig()
                        .withNetworkMode(network)
                        .withNanoCPUs(limits.nanoCpus())
                        .withMemory(limits.memoryBytes()))
                .exec());
        client.startContainerCmd(created.getId()).exec();
        return created.getId();
    }

    @Override
    public void stopNode(Node node) {
        if (node.runnerHandle() != null) {
            remove(node.runnerHandle());
        }
        removeNetworkIfUnused(networkName(node.workspace(), node.cluster()));
    }

    @Override
    public String startJob(JobLaunch launch, JobExitListener listener) {
        String image = launch.image() == null ? images.get().defaultJobImage() : launch.image();
        HostConfig nodeLimits = client.inspectContainerCmd(launch.nodeHandle()).exec().getHostConfig();
        Map<String, String> labels = labels(launch.workspace(), null);
        labels.put(LABEL_NODE, launch.nodeId());
        labels.put(LABEL_JOB, launch.jobName());
        List<String> environment = launch.environmentWith(DockerNodeRunner::pathInContainer).entrySet().stream()
                .map(entry -> entry.getKey() + "=" + entry.getValue()).toList();
        try {
            Files.createDirectories(launch.workingDirectory());
            Files.createDirectories(launch.logFile().getParent());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the job's folders: " + e.getMessage(), e);
        }
        CreateContainerResponse created = create(image, () -> client.createContainerCmd(image)
                // The node id is unique per installation, and a node runs one attempt at a time.
                .withName(launch.nodeId() + "-" + launch.jobName() + "-a" + launch.attempt())
                .withLabels(labels)
                .withEnv(environment)
                .withWorkingDir(WORKDIR)
                .withCmd("sh", "-c", launch.commandWith(DockerNodeRunner::pathInContainer))
                .withHostConfig(HostConfig.newHostConfig()
                        .withNetworkMode("container:" + launch.nodeHandle())
                        .withNanoCPUs(nodeLimits.getNanoCPUs())
                        .withMemory(nodeLimits.getMemory())
                        .withBinds(binds(launch)))
                .exec());
        String id = created.getId();
        client.startContainerCmd(id).exec();
        LogAppender appender = new LogAppender(launch.logFile());
        client.logContainerCmd(id).withStdOut(true).withStdErr(true).withFollowStream(true).exec(appender);
        waiters.execute(() -> awaitExit(id, launch, appender, listener));
        return id;
    }

    /** The working folder, then each input (read-only) and output folder of the job. */
    private static List<Bind> binds(JobLaunch launch) {
        List<Bind> binds = new ArrayList<>();
        binds.add(new Bind(launch.workingDirectory().toString(), new Volume(WORKDIR)));
        for (JobBinding binding : launch.bindings()) {
            if (!binding.isLiteral()) {
                binds.add(new Bind(binding.hostFolder().toString(), new Volume(pathInContainer(binding)),
                        binding.readOnly() ? AccessMode.ro : AccessMode.rw));
            }
        }
        return binds;
    }

    private static String pathInContainer(JobBinding binding) {
        return DATA_ROOT + "/" + binding.direction().key() + "/" + binding.name();
    }

    @Override
    public void stopJob(String handle) {
        remove(handle);
    }

    @Override
    public boolean isAlive(String handle) {
        try {
            InspectContainerResponse.ContainerState state = client.inspectContainerCmd(handle).exec().getState();
            return Boolean.TRUE.equals(state.getRunning());
        } catch (NotFoundException e) {
            return false;
        }
    }

    @Override
    public Set<String> findRunning() {
        Set<String> ids = new HashSet<>();
        for (Container container : client.listContainersCmd().withShowAll(true)
                .withLabelFilter(Map.of(LABEL_DATA, dataFolder)).exec()) {
            ids.add(container.getId());
        }
        return ids;
    }

    /** Asks the engine at most once a second. */
    @Override
    public Message healthProblem() {
        long now = System.currentTimeMillis();
        if (now - healthCheckedAt >= HEALTH_CACHE_MILLIS) {
            healthProblem = engine.answers() ? null
                    : Message.of("error.runner.docker-silent", engine.host());
            healthCheckedAt = now;
        }
        return healthProblem;
    }

    private void awaitExit(String id, JobLaunch launch, LogAppender appender, JobExitListener listener) {
        int code;
        try {
            code = client.waitContainerCmd(id).start().awaitStatusCode();
        } catch (RuntimeException e) {
            if (!engine.answers()) {
                // Not an exit: the engine is gone. The engine's health check makes the node unusable and requeues.
                LOG.debug("lost job container {} of {}: {}", id, launch.jobName(), e.getMessage());
                return;
            }
            LOG.debug("job container {} of {} ended without a status: {}", id, launch.jobName(), e.getMessage());
            code = 137;
        }
        try {
            appender.awaitCompletion(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            // The log stream broke off (the container was removed, the engine went away): the exit still counts.
            LOG.debug("log stream of {} ended early: {}", launch.jobName(), e.getMessage());
        }
        remove(id);
        listener.exited(launch, code);
    }

    private CreateContainerResponse create(String image, Supplier<CreateContainerResponse> create) {
        try {
            return create.get();
        } catch (NotFoundException e) {
            throw new MissingImageException(image, engine.host());
        }
    }

    /** Stops and removes a container; one that is gone, or an engine that is gone, is no error here. */
    private void remove(String id) {
        try {
            client.stopContainerCmd(id).withTimeout(STOP_GRACE_SECONDS).exec();
        } catch (NotFoundException | NotModifiedException e) {
            // already stopped or gone
        } catch (RuntimeException e) {
            LOG.debug("container {} not stopped: {}", id, e.getMessage());
            return;
        }
        try {
            client.removeContainerCmd(id).withForce(true).exec();
        } catch (NotFoundException e) {
            // already gone
        } catch (RuntimeException e) {
            LOG.debug("container {} not removed: {}", id, e.getMessage());
        }
    }

    private String ensureNetwork(String workspace, String cluster) {
        String name = networkName(workspace, cluster);
        boolean exists = client.listNetworksCmd().withNameFilter(name).exec().stream()
                .anyMatch(network -> network.getName().equals(name));
        if (!exists) {
            client.createNetworkCmd().withName(name).withDriver("bridge").withLabels(labels(workspace, cluster)).exec();
        }
        return name;
    }

    private void removeNetworkIfUnused(String name) {
        try {
            client.listNetworksCmd().withNameFilter(name).exec().stream()
                    .filter(network -> network.getName().equals(name))
                    .filter(network -> client.inspectNetworkCmd().withNetworkId(network.getId()).exec()
                            .getContainers().isEmpty())
                    .forEach(network -> client.removeNetworkCmd(network.getId()).exec());
        } catch (RuntimeException e) {
            LOG.debug("network {} kept: {}", name, e.getMessage());
        }
    }

    /** One bridge network per cluster, named after it and this data folder (two folders may use the same names). */
    String networkName(String workspace, String cluster) {
        return "computestudio-" + workspace + "-" + cluster + "-" + Integer.toHexString(dataFolder.hashCode());
    }

    private Map<String, String> labels(String workspace, String cluster) {
        Map<String, String> labels = new HashMap<>();
        labels.put(LABEL_DATA, dataFolder);
        labels.put(LABEL_WORKSPACE, workspace);
        if (cluster != null) {
            labels.put(LABEL_CLUSTER, cluster);
        }
        return labels;
    }

    /** Appends a container's output to the rank's log file as it arrives. */
    private static final class LogAppender extends ResultCallback.Adapter<Frame> {

        private final Path file;

        LogAppender(Path file) {
            this.file = file;
        }

        /** A stream cut short is expected when a container is removed; its end is handled by the waiter. */
        @Override
        public void onError(Throwable throwable) {
            LOG.debug("log stream of {} ended: {}", file, throwable.getMessage());
            onComplete();
        }

        @Override
        public void onNext(Frame frame) {
            try (OutputStream out = Files.newOutputStream(file, StandardOpenOption.CREATE, StandardOpenOption.APPEND)) {
                out.write(frame.getPayload());
            } catch (IOException e) {
                LOG.warn("cannot write to {}: {}", file, e.getMessage());
            }
        }
    }
}
