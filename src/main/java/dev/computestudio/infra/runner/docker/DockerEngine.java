package dev.computestudio.infra.runner.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.Network;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.httpclient5.ApacheDockerHttpClient;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * A connection to a Docker engine: the local socket, or whatever {@code DOCKER_HOST} (and the
 * other standard Docker variables) name, so a remote engine works too.
 */
public final class DockerEngine {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);
    private static final Duration RESPONSE_TIMEOUT = Duration.ofSeconds(60);

    private final DockerClient client;
    private final String host;

    private DockerEngine(DockerClient client, String host) {
        this.client = client;
        this.host = host;
    }

    /** The engine the environment names, if it answers a ping; empty otherwise. */
    public static Optional<DockerEngine> connect() {
        DockerEngine engine = fromEnvironment();
        return engine.answers() ? Optional.of(engine) : Optional.empty();
    }

    /** The engine the environment names, answering or not. */
    public static DockerEngine fromEnvironment() {
        return of(DefaultDockerClientConfig.createDefaultConfigBuilder().build());
    }

    /** The engine at a given address, e.g. unix:///var/run/docker.sock or tcp://host:2375. */
    public static DockerEngine at(String host) {
        return of(DefaultDockerClientConfig.createDefaultConfigBuilder().withDockerHost(host).build());
    }

    private static DockerEngine of(DockerClientConfig config) {
        ApacheDockerHttpClient http = new ApacheDockerHttpClient.Builder()
                .dockerHost(config.getDockerHost())
                .sslConfig(config.getSSLConfig())
                .connectionTimeout(CONNECT_TIMEOUT)
                .responseTimeout(RESPONSE_TIMEOUT)
                .build();
        return new DockerEngine(DockerClientImpl.getInstance(config, http), config.getDockerHost().toString());
    }

    public boolean answers() {
        try {
            client.pingCmd().exec();
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** The engine's version, e.g. "20.10.24". */
    public String version() {
        return client.versionCmd().exec().getVersion();
    }

    /** Where the engine listens, e.g. unix:///var/run/docker.sock. */
    public String host() {
        return host;
    }

    /**
     * This machine's address on the engine's default bridge (docker0), which containers on any
     * bridge network can reach the host at; empty when the engine is elsewhere or has no bridge.
     */
    public Optional<InetAddress> bridgeGateway() {
        try {
            Network bridge = client.inspectNetworkCmd().withNetworkId("bridge").exec();
            Optional<InetAddress> gateway = Optional.ofNullable(bridge.getIpam()).map(Network.Ipam::getConfig)
                    .orElse(List.of()).stream()
                    .map(Network.Ipam.Config::getGateway).filter(address -> address != null && !address.isBlank())
                    .findFirst().flatMap(DockerEngine::address);
            if (gateway.isEmpty()) {
                // Older engines leave the gateway out: it is the address of the bridge's interface.
                String name = bridge.getOptions() == null ? null
                        : bridge.getOptions().get("com.docker.network.bridge.name");
                NetworkInterface device = NetworkInterface.getByName(name == null ? "docker0" : name);
                gateway = device == null ? Optional.empty() : Collections.list(device.getInetAddresses()).stream()
                        .filter(Inet4Address.class::isInstance).findFirst();
            }
            return gateway.filter(DockerEngine::isLocal);
        } catch (RuntimeException | SocketException e) {
            return Optional.empty();
        }
    }

    private static Optional<InetAddress> address(String text) {
        try {
            return Optional.of(InetAddress.getByName(text));
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    private static boolean isLocal(InetAddress address) {
        try {
            return NetworkInterface.getByInetAddress(address) != null;
        } catch (SocketException e) {
            return false;
        }
    }

    DockerClient client() {
        return client;
    }
}
