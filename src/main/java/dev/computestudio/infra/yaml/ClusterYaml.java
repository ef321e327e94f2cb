package dev.computestudio.infra.yaml;

import dev.computestudio.domain.Message;
import dev.computestudio.domain.ClusterIdentity;
import dev.computestudio.domain.ClusterSpec;
import dev.computestudio.domain.IdentityType;
import dev.computestudio.domain.NetworkSettings;
import dev.computestudio.domain.Problems;
import dev.computestudio.domain.SshSettings;
import dev.computestudio.domain.VmCatalog;
import dev.computestudio.domain.VmTier;
import dev.computestudio.domain.port.SpecCodec.ClusterDocument;
import dev.computestudio.infra.yaml.YamlNode.Entry;
import dev.computestudio.infra.yaml.YamlNode.Mapping;
import dev.computestudio.infra.yaml.YamlNode.Scalar;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The amlCompute schema ({@code type: amlcompute}) read into a {@link ClusterSpec} and written
 * from one. Missing keys take the schema's defaults, as {@code az ml compute create -f} does.
 */
final class ClusterYaml {

    static final String SCHEMA = "https://azuremlschemas.azureedge.net/latest/amlCompute.schema.json";

    /** The other compute types of the schema, refused with what is supported instead. */
    private static final Set<String> OTHER_TYPES = Set.of("computeinstance", "kubernetes", "virtualmachine",
            "synapsespark", "aks", "hdinsight", "databricks", "datafactory");

    /** v1 names (and the REST API's) a file may still use, and the v2 key meant. */
    private static final Map<String, String> RENAMED = Map.ofEntries(
            Map.entry("vm_size", "size"), Map.entry("vmSize", "size"),
            Map.entry("vm_priority", "tier"), Map.entry("vmPriority", "tier"),
            Map.entry("min_nodes", "min_instances"), Map.entry("minNodeCount", "min_instances"),
            Map.entry("max_nodes", "max_instances"), Map.entry("maxNodeCount", "max_instances"),
            Map.entry("idle_seconds_before_scaledown", "idle_time_before_scale_down"),
            Map.entry("nodeIdleTimeBeforeScaleDown", "idle_time_before_scale_down"),
            Map.entry("compute_location", "location"),
            Map.entry("admin_username", "ssh_settings.admin_username"),
            Map.entry("identity_type", "identity.type"), Map.entry("identity_id", "identity.user_assigned_identities"),
            Map.entry("remote_login_port_public_access", "ssh_public_access_enabled"));

    private ClusterYaml() {
    }

    static ClusterDocument read(Mapping root, ReadContext context) {
        MappingReader doc = new MappingReader(root, "", context);
        doc.string("$schema");
        String type = doc.string("type");
        if (type == null) {
            context.problem("type", "required", Message.of("invalid.cluster-file.type-required"));
        } else if (!type.trim().equalsIgnoreCase("amlcompute")) {
            Entry entry = doc.entry("type");
            String code = OTHER_TYPES.contains(type.trim().toLowerCase(Locale.ROOT))
                    ? "invalid.cluster-file.compute-type-attachable" : "invalid.cluster-file.compute-type";
            context.problem("type", "compute-type", entry.mark(), Message.of(code, Problems.shortened(type)));
            // The rest of the file follows another schema: its keys would only be noise.
            return null;
        }
        String name = doc.string("name");
        if (name == null) {
            context.problem("name", "required", Message.of("invalid.cluster-file.name-required"));
        }
        String size = Optional.ofNullable(doc.string("size")).orElse(VmCatalog.DEFAULT_SIZE);
        VmTier tier = tier(doc, context);
        Integer min = doc.integer("min_instances");
        Integer max = doc.integer("max_instances");
        Integer idle = doc.integer("idle_time_before_scale_down");
        String location = doc.string("location");
        String description = doc.string("description");
        Map<String, String> tags = doc.stringMap("tags");
        SshSettings ssh = ssh(doc);
        NetworkSettings network = doc.mapping("network_settings").map(settings -> {
            NetworkSettings read = new NetworkSettings(settings.string("vnet_name"), settings.string("subnet"));
            settings.finish(Map.of("subnet_name", "subnet"));
            return read;
        }).orElse(NetworkSettings.NONE);
        ClusterIdentity identity = identity(doc, context);
        doc.ignore("enable_node_public_ip", Message.of("yaml.ignored.no-public-ip"));
        // Keys 'az ml compute show' prints: a shown cluster can be created again without a warning for each.
        doc.accept("id", "provisioning_state", "resourceGroup", "created_on", "provisioning_errors");
        doc.finish(RENAMED);
        return new ClusterDocument(name, new ClusterSpec(size, tier, min == null ? 0 : min,
                max == null ? ClusterSpec.DEFAULT_MAX_NODES : max,
                idle == null ? ClusterSpec.DEFAULT_IDLE_TIME : Duration.ofSeconds(idle), ssh, network, identity,
                tags, description, location), context.warnings, context.lines());
    }

    private static VmTier tier(MappingReader doc, ReadContext context) {
        Optional<Scalar> tier = doc.scalar("tier");
        if (tier.isEmpty()) {
            return VmTier.DEDICATED;
        }
        return VmTier.parse(tier.get().text()).orElseGet(() -> {
            context.problem("tier", "tier", tier.get().mark(),
                    Message.of("invalid.cluster.tier", Problems.shortened(tier.get().text())));
            return VmTier.DEDICATED;
        });
    }

    private static SshSettings ssh(MappingReader doc) {
        Boolean publicAccess = doc.bool("ssh_public_access_enabled");
        Optional<MappingReader> settings = doc.mapping("ssh_settings");
        String user = settings.map(s -> s.string("admin_username")).orElse(null);
        String password = settings.map(s -> s.string("admin_password")).orElse(null);
        String key = settings.map(s -> s.string("ssh_key_value")).orElse(null);
        settings.ifPresent(s -> s.finish(Map.of("admin_user_password", "admin_password",
                "admin_user_ssh_key", "ssh_key_value")));
        SshSettings read = new SshSettings(Boolean.TRUE.equals(publicAccess), user, password, key);
        return read.isConfigured() ? read : SshSettings.DISABLED;
    }

    private static ClusterIdentity identity(MappingReader doc, ReadContext context) {
        Optional<MappingReader> identity = doc.mapping("identity");
        if (identity.isEmpty()) {
            return ClusterIdentity.NONE;
        }
        MappingReader reader = identity.get();
        Optional<Scalar> typeText = reader.scalar("type");
        List<String> ids = new ArrayList<>();
        reader.sequence("user_assigned_identities").ifPresent(list -> {
            for (YamlNode item : list.items()) {
                if (item instanceof Scalar scalar && scalar.text() != null) {
                    ids.add(scalar.text());
                } else if (item instanceof Mapping entry) {
                    MappingReader idReader = new MappingReader(entry, reader.field("user_assigned_identities"), context);
                    String id = idReader.string("resource_id");
                    if (id == null) {
                        context.problem("identity.user_assigned_identities", "resource-id", entry.mark(),
                                Message.of("invalid.cluster-file.identity-resource-id"));
                    } else {
                        ids.add(id);
                    }
                    idReader.accept("client_id", "principal_id");
                    idReader.finish(Map.of());
                } else {
                    context.problem("identity.user_assigned_identities", "resource-id", item.mark(),
                            Message.of("invalid.cluster-file.identity-entry"));
                }
            }
        });
        reader.accept("principal_id", "tenant_id");
        reader.finish(Map.of());
        IdentityType type;
        if (typeText.isEmpty()) {
            type = ids.isEmpty() ? IdentityType.NONE : IdentityType.USER_ASSIGNED;
        } else {
            type = IdentityType.parse(typeText.get().text()).orElse(null);
            if (type == null) {
                context.problem("identity.type", "identity-type", typeText.get().mark(),
                        Message.of("invalid.cluster-file.identity-type", Problems.shortened(typeText.get().text())));
                return ClusterIdentity.NONE;
            }
        }
        return new ClusterIdentity(type, ids);
    }

    /** The keys in the order Azure's examples use; only what differs from nothing is written. */
    static Map<String, Object> write(String name, ClusterSpec spec) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("$schema", SCHEMA);
        doc.put("name", name);
        doc.put("type", "amlcompute");
        doc.put("size", spec.size());
        doc.put("tier", spec.tier().yamlName());
        doc.put("min_instances", spec.minNodes());
        doc.put("max_instances", spec.maxNodes());
        doc.put("idle_time_before_scale_down", spec.idleTimeBeforeScaleDown().toSeconds());
        putIfSet(doc, "location", spec.location());
        putIfSet(doc, "description", spec.description());
        if (!spec.tags().isEmpty()) {
            doc.put("tags", spec.tags());
        }
        SshSettings ssh = spec.ssh();
        if (ssh.isConfigured()) {
            doc.put("ssh_public_access_enabled", ssh.publicAccessEnabled());
            Map<String, Object> settings = new LinkedHashMap<>();
            putIfSet(settings, "admin_username", ssh.adminUsername());
            putIfSet(settings, "ssh_key_value", ssh.sshKeyValue());
            doc.put("ssh_settings", settings);
        }
        NetworkSettings network = spec.network();
        if (network.vnetName() != null || network.subnet() != null) {
            Map<String, Object> settings = new LinkedHashMap<>();
            putIfSet(settings, "vnet_name", network.vnetName());
            putIfSet(settings, "subnet", network.subnet());
            doc.put("network_settings", settings);
        }
        ClusterIdentity identity = spec.identity();
        if (identity.type() != IdentityType.NONE) {
            Map<String, Object> written = new LinkedHashMap<>();
            written.put("type", identity.type().yamlName());
            if (!identity.userAssignedIdentityIds().isEmpty()) {
                written.put("user_assigned_identities", identity.userAssignedIdentityIds().stream()
                        .map(id -> Map.of("resource_id", id)).toList());
            }
            doc.put("identity", written);
        }
        return doc;
    }

    private static void putIfSet(Map<String, Object> map, String key, String value) {
        if (value != null) {
            map.put(key, value);
        }
    }
}
