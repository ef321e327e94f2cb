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
            problems.add("size", "required", "a VM size is required, e.g. " + VmCatalog.DEFAULT_SIZE);
        } else if (catalog.find(size).isEmpty()) {
            problems.add("size", "catalog", "'"
                    + Problems.shortened(size) + "' is not a known VM size; list them with 'compute list-sizes'");
        }
        if (minNodes < 0) {
            problems.add("min_instances", "non-negative", "must be 0 or more (it is " + minNodes + ")");
        }
        if (maxNodes < 1) {
            problems.add("max_instances", "at-least-one", "must be 1 or more (it is " + maxNodes + ")");
        } else if (maxNodes < minNodes) {
            problems.add("max_instances", "not-below-min",
                    "must not be below min_instances (" + maxNodes + " < " + minNodes + ")");
        }
        if (idleTimeBeforeScaleDown.isNegative()) {
            problems.add("idle_time_before_scale_down", "non-negative", "must be 0 seconds or more");
        }
        checkSsh(problems);
        problems.addAll(identity.check());
        if (tags.size() > MAX_TAGS) {
            problems.add("tags", "count", "a resource may have at most " + MAX_TAGS + " tags (it has " + tags.size() + ")");
        }
        tags.forEach((key, value) -> {
            if (key == null || key.isBlank() || key.length() > MAX_TAG_KEY) {
                problems.add("tags", "key", "tag names must be 1 to " + MAX_TAG_KEY + " characters");
            }
            if (value != null && value.length() > MAX_TAG_VALUE) {
                problems.add("tags", "value", "tag '" + key + "' is longer than " + MAX_TAG_VALUE + " characters");
            }
        });
        checkNetwork(problems);
        if (description != null && description.length() > MAX_DESCRIPTION) {
            problems.add("description", "length", "must be at most " + MAX_DESCRIPTION + " characters");
        }
        if (location != null && !location.matches("[a-z0-9]{2,40}")) {
            problems.add("location", "region-name", "must be a region name in lower case letters and digits, like 'eastus'");
        }
        return problems.list();
    }

    private void checkNetwork(Problems problems) {
        String vnet = network.vnetName();
        if (vnet != null && vnet.length() > MAX_VNET_NAME) {
            problems.add("network_settings.vnet_name", "length", "must be at most " + MAX_VNET_NAME + " characters");
        }
        String subnet = network.subnet();
        if (subnet != null && subnet.length() > MAX_SUBNET) {
            problems.add("network_settings.subnet", "length", "must be at most " + MAX_SUBNET + " characters");
        }
    }

    private void checkSsh(Problems problems) {
        if (!ssh.isConfigured()) {
            return;
        }
        String user = ssh.adminUsername();
        if (user == null || user.isBlank()) {
            problems.add("ssh_settings.admin_username", "required", "an admin user name is required when SSH is enabled");
        } else if (!user.matches("[a-z_][a-z0-9_.-]{0,31}")) {
            problems.add("ssh_settings.admin_username", "user-name",
                    "must be 1 to 32 lower case letters, digits, '_', '.' or '-', not starting with a digit");
        }
        if (!ssh.hasCredentials()) {
            problems.add("ssh_settings", "credentials", "give an admin password or an SSH public key when SSH is enabled");
        }
        String password = ssh.adminPassword();
        if (SshSettings.notBlank(password) && (password.length() < 12 || password.length() > 123)) {
            problems.add("ssh_settings.admin_password", "length", "must be 12 to 123 characters long");
        }
        String key = ssh.sshKeyValue();
        if (SshSettings.notBlank(key) && (key.length() > MAX_SSH_KEY
                || !key.matches("(ssh-rsa|ssh-ed25519|ecdsa-sha2-nistp\\d+) [A-Za-z0-9+/=]+( .*)?"))) {
            problems.add("ssh_settings.ssh_key_value", "public-key",
                    "must be an OpenSSH public key line such as 'ssh-ed25519 AAAA... user@host'");
        }
    }
}
