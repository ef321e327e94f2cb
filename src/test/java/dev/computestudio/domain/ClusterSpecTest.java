package dev.computestudio.domain;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ClusterSpecTest {

    private static final VmCatalog CATALOG = VmCatalog.standard();
    private static final String IDENTITY_ID = "/subscriptions/00000000-0000-0000-0000-000000000001/resourcegroups/rg"
            + "/providers/Microsoft.ManagedIdentity/userAssignedIdentities/my-id";

    @Test
    void defaultsAreValidAndFollowTheDocumentedValues() {
        ClusterSpec spec = ClusterSpec.defaults(VmCatalog.DEFAULT_SIZE);

        assertThat(spec.check(CATALOG)).isEmpty();
        assertThat(spec.minNodes()).isZero();
        assertThat(spec.maxNodes()).isEqualTo(4);
        assertThat(spec.idleTimeBeforeScaleDown()).isEqualTo(Duration.ofSeconds(120));
        assertThat(spec.tier()).isEqualTo(VmTier.DEDICATED);
        assertThat(spec.ssh().publicAccessEnabled()).isFalse();
    }

    @Test
    void sizeLookupIgnoresCase() {
        assertThat(ClusterSpec.defaults("STANDARD_D3_V2").check(CATALOG)).isEmpty();
    }

    @Test
    void reportsEveryProblemWithFieldAndRule() {
        ClusterSpec spec = new ClusterSpec("Standard_Nope", VmTier.LOW_PRIORITY, 3, 2, Duration.ofSeconds(-1),
                new SshSettings(true, null, null, null), null,
                new ClusterIdentity(IdentityType.SYSTEM_ASSIGNED, List.of(IDENTITY_ID)), Map.of(), null, "East US");

        assertThat(spec.check(CATALOG)).extracting(p -> p.field() + "/" + p.rule()).containsExactlyInAnyOrder(
                "size/catalog",
                "max_instances/not-below-min",
                "idle_time_before_scale_down/non-negative",
                "ssh_settings.admin_username/required",
                "ssh_settings/credentials",
                "identity.user_assigned_identities/exclusive-types",
                "location/region-name");
    }

    @Test
    void maxMustBeAtLeastOneAndMinNotNegative() {
        ClusterSpec spec = ClusterSpec.defaults(VmCatalog.DEFAULT_SIZE).withScale(-1, 0, Duration.ZERO);

        assertThat(spec.check(CATALOG)).extracting(Problem::rule).containsExactly("non-negative", "at-least-one");
    }

    @Test
    void sshNeedsAUserAndAPasswordOrAKey() {
        ClusterSpec withKey = ClusterSpec.defaults(VmCatalog.DEFAULT_SIZE)
                .withSsh(new SshSettings(true, "azureuser", null, "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAA me@host"));
        ClusterSpec badKey = withKey.withSsh(new SshSettings(true, "azureuser", "short", "not a key"));

        assertThat(withKey.check(CATALOG)).isEmpty();
        assertThat(badKey.check(CATALOG)).extracting(Problem::field)
                .containsExactly("ssh_settings.admin_password", "ssh_settings.ssh_key_value");
    }

    @Test
    void sshPasswordNeverAppearsInText() {
        SshSettings ssh = new SshSettings(true, "azureuser", "Sup3r-secret-pass", null);

        assertThat(ssh.toString()).doesNotContain("Sup3r-secret-pass").contains("***");
        assertThat(ClusterSpec.defaults(VmCatalog.DEFAULT_SIZE).withSsh(ssh).toString())
                .doesNotContain("Sup3r-secret-pass");
    }

    @Test
    void userAssignedIdentitiesNeedWellFormedResourceIds() {
        ClusterSpec good = ClusterSpec.defaults(VmCatalog.DEFAULT_SIZE)
                .withIdentity(ClusterIdentity.userAssigned(List.of(IDENTITY_ID)));
        ClusterSpec bad = good.withIdentity(ClusterIdentity.userAssigned(List.of("my-id", "my-id")));
        ClusterSpec empty = good.withIdentity(ClusterIdentity.userAssigned(List.of()));

        assertThat(good.check(CATALOG)).isEmpty();
        assertThat(bad.check(CATALOG)).extracting(Problem::rule).containsExactly("resource-id", "resource-id", "unique");
        assertThat(empty.check(CATALOG)).extracting(Problem::rule).containsExactly("required");
    }

    @Test
    void tierAndIdentityTypeAcceptEverySpellingSeenInTheWild() {
        assertThat(VmTier.parse("low_priority")).contains(VmTier.LOW_PRIORITY);
        assertThat(VmTier.parse("lowpriority")).contains(VmTier.LOW_PRIORITY);
        assertThat(VmTier.parse("LowPriority")).contains(VmTier.LOW_PRIORITY);
        assertThat(VmTier.parse("Dedicated")).contains(VmTier.DEDICATED);
        assertThat(VmTier.parse("spot")).isEmpty();
        assertThat(IdentityType.parse("system_assigned")).contains(IdentityType.SYSTEM_ASSIGNED);
        assertThat(IdentityType.parse("UserAssigned")).contains(IdentityType.USER_ASSIGNED);
        assertThat(IdentityType.parse("both")).isEmpty();
    }
}
