package dev.computestudio.domain;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a user asks for when creating a compute cluster (the v2 YAML's amlCompute keys).
 * {@code location} may be null: the cluster then lives in its workspace's region.
 */
public record ClusterSpec(String size, VmTier tier, int minNodes, int maxNodes, Duration idleTimeBeforeScaleDown,
                          SshSettings ssh, NetworkSettings network, ClusterIdentity identity,
                          Map<String, String> tags, String description, String location) {

    /** The v2 default; the v1 SDK said 1800 s. */
    public static final Duration DEFAULT_IDLE_TIME = Duration.ofSeconds(120);
    /** The v1 docs' default, which the CLI and wizard use (the v2 YAML docs say 1; we say which we take). */
    public static final int DEFAULT_MAX_NODES = 4;

    private static final int MAX_TAG_KEY = 512;
    private static final int MAX_TAG_VALUE = 256;
    private static final int MAX_DESCRIPTION = 1024;
    /** The cloud's limit of tags on one resource. */
    private static final int MAX_TAGS = 50;
    /** The cloud's longest virtual network name; a subnet may be a whole resource id. */
    private static final int MAX_VNET_NAME = 64;
    private static final int MAX_SUBNET = 1024;
    /** Far above a 16384-bit RSA public key line, the longest OpenSSH makes. */
    private static final int MAX_SSH_KEY = 16 * 1024;
    /** The cloud's bounds of a node admin password. */
    private static final int MIN_PASSWORD = 12;
    private static final int MAX_PASSWORD = 123;

    public ClusterSpec {
        Objects.requireNonNull(tier, "tier");
        Objects.requireNonNull(idleTimeBeforeScaleDown, "idleTimeBeforeScaleDown");
        ssh = ssh == null ? SshSettings.DISABLED : ssh;
        network = network == null ? NetworkSettings.NONE : network;
        identity = identity == null ? ClusterIdentity.NONE : identity;
        tags = tags == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(tags));
    }

    /** A spec with the defaults: the given size, dedicated, 0 to {@value #DEFAULT_MAX_NODES} nodes, 120 s idle. */
    public static ClusterSpec defaults(String size) {
        return new ClusterSpec(size, VmTier.DEDICATED, 0, DEFAULT_MAX_NODES, DEFAULT_IDLE_TIME,
                SshSettings.DISABLED, NetworkSettings.NONE, ClusterIdentity.NONE, Map.of(), null, null);
    }

    public ClusterSpec withScale(int min, int max, Duration idle) {
        return new ClusterSpec(size, tier, min, max, idle, ssh, network, identity, tags, description, location);
    }

    public ClusterSpec withTier(VmTier newTier) {
        return new ClusterSpec(size, newTier, minNodes, maxNodes, idleTimeBeforeScaleDown, ssh, network, identity,
                tags, description, location);
    }

    public ClusterSpec withIdentity(ClusterIdentity newIdentity) {
        return new ClusterSpec(size, tier, minNodes, maxNodes, idleTimeBeforeScaleDown, ssh, network, newIdentity,
                tags, description, location);
    }

    public ClusterSpec withSsh(SshSettings newSsh) {
        return new ClusterSpec(size, tier, minNodes, maxNodes, idleTimeBeforeScaleDown, newSsh, network, identity,
                tags, description, location);
    }

    /** Every problem of this spec against the catalog; empty when it is valid. */
    public List<Problem> check(VmCatalog catalog) {
        Problems problems = new Problems();
        if (size == null || size.isBlank()) {
            problems.add("size", "required", Message.of("invalid.cluster.size-required", VmCatalog.DEFAULT_SIZE));
        } else if (catalog.find(size).isEmpty()) {
            problems.add("size", "catalog", Message.of("invalid.cluster.size-unknown", Problems.shortened(size)));
        }
        if (minNodes < 0) {
            problems.add("min_instances", "non-negative", Message.of("invalid.value.non-negative", minNodes));
        }
        if (maxNodes < 1) {
            problems.add("max_instances", "at-least-one", Message.of("invalid.value.at-least-one", maxNodes));
        } else if (maxNodes < minNodes) {
            problems.add("max_instances", "not-below-min",
                    Message.of("invalid.cluster.max-below-min", maxNodes, minNodes));
        }
        if (idleTimeBeforeScaleDown.isNegative()) {
            problems.add("idle_time_before_scale_down", "non-negative", Message.of("invalid.cluster.idle-negative"));
        }
        checkSsh(problems);
        problems.addAll(identity.check());
        if (tags.size() > MAX_TAGS) {
            problems.add("tags", "count", Message.of("invalid.tags.count", MAX_TAGS, tags.size()));
        }
        tags.forEach((key, value) -> {
            if (key == null || key.isBlank() || key.length() > MAX_TAG_KEY) {
                problems.add("tags", "key", Message.of("invalid.tags.key-length", MAX_TAG_KEY));
            }
            if (value != null && value.length() > MAX_TAG_VALUE) {
                problems.add("tags", "value", Message.of("invalid.tags.value-length", key, MAX_TAG_VALUE));
            }
        });
        checkNetwork(problems);
        if (description != null && description.length() > MAX_DESCRIPTION) {
            problems.add("description", "length", Message.of("invalid.value.max-length", MAX_DESCRIPTION));
        }
        if (location != null && !location.matches("[a-z0-9]{2,40}")) {
            problems.add("location", "region-name", Message.of("invalid.location.region-name"));
        }
        return problems.list();
    }

    private void checkNetwork(Problems problems) {
        String vnet = network.vnetName();
        if (vnet != null && vnet.length() > MAX_VNET_NAME) {
            problems.add("network_settings.vnet_name", "length", Message.of("invalid.value.max-length", MAX_VNET_NAME));
        }
        String subnet = network.subnet();
        if (subnet != null && subnet.length() > MAX_SUBNET) {
            problems.add("network_settings.subnet", "length", Message.of("invalid.value.max-length", MAX_SUBNET));
        }
    }

    private void checkSsh(Problems problems) {
        if (!ssh.isConfigured()) {
            return;
        }
        String user = ssh.adminUsername();
        if (user == null || user.isBlank()) {
            problems.add("ssh_settings.admin_username", "required", Message.of("invalid.ssh.user-required"));
        } else if (!user.matches("[a-z_][a-z0-9_.-]{0,31}")) {
            problems.add("ssh_settings.admin_username", "user-name", Message.of("invalid.ssh.user-name"));
        }
        if (!ssh.hasCredentials()) {
            problems.add("ssh_settings", "credentials", Message.of("invalid.ssh.credentials"));
        }
        String password = ssh.adminPassword();
        if (SshSettings.notBlank(password) && (password.length() < MIN_PASSWORD || password.length() > MAX_PASSWORD)) {
            problems.add("ssh_settings.admin_password", "length",
                    Message.of("invalid.value.length-between", MIN_PASSWORD, MAX_PASSWORD));
        }
        String key = ssh.sshKeyValue();
        if (SshSettings.notBlank(key) && (key.length() > MAX_SSH_KEY
                || !key.matches("(ssh-rsa|ssh-ed25519|ecdsa-sha2-nistp\\d+) [A-Za-z0-9+/=]+( .*)?"))) {
            problems.add("ssh_settings.ssh_key_value", "public-key", Message.of("invalid.ssh.public-key"));
        }
    }
}
