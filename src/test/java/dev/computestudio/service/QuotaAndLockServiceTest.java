package dev.computestudio.service;

import dev.computestudio.domain.ConflictException;
import dev.computestudio.domain.LockLevel;
import dev.computestudio.domain.NotFoundException;
import dev.computestudio.domain.Problem;
import dev.computestudio.domain.QuotaKeys;
import dev.computestudio.domain.QuotaUsage;
import dev.computestudio.domain.ResourceLock;
import dev.computestudio.domain.ValidationException;
import dev.computestudio.testing.StudioFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static dev.computestudio.testing.StudioFixture.WS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

class QuotaAndLockServiceTest {

    @TempDir
    Path dataFolder;
    private StudioFixture studio;

    @BeforeEach
    void openStudio() {
        studio = new StudioFixture(dataFolder);
    }

    @AfterEach
    void closeStudio() {
        studio.close();
    }

    @Test
    void aNewWorkspaceListsTheCloudsDefaultLimitsUnused() {
        assertThat(studio.quota.usage(WS)).extracting(QuotaUsage::name, QuotaUsage::currentValue, QuotaUsage::limit)
                .startsWith(tuple("Clusters", 0L, 200L), tuple("Total Cluster Dedicated Regional vCPUs", 0L, 100L),
                        tuple("Total Cluster LowPriority Regional vCPUs", 0L, 100L))
                .contains(tuple("Standard DSv2 Family Cluster Dedicated vCPUs", 0L, 24L),
                        tuple("Standard NC Family Cluster Dedicated vCPUs", 0L, 0L));
    }

    @Test
    void aRaisedLimitIsListed() {
        studio.quota.setLimit(WS, "standardNCFamily", 12);

        assertThat(studio.quota.usage(WS)).filteredOn(u -> u.key().equals("standardNCFamily"))
                .extracting(QuotaUsage::limit).containsExactly(12L);
    }

    @Test
    void anUnknownQuotaOrANegativeLimitIsRejectedAndNothingChanges() {
        assertThatThrownBy(() -> studio.quota.setLimit(WS, "standardXYZFamily", 10))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.problems())
                        .extracting(Problem::field, Problem::rule).containsExactly(tuple("key", "quota-key")))
                .hasMessageContaining("'standardXYZFamily' is not a quota");
        assertThatThrownBy(() -> studio.quota.setLimit(WS, QuotaKeys.LOW_PRIORITY_VCPUS, -1))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.problems())
                        .extracting(Problem::field, Problem::rule).containsExactly(tuple("limit", "non-negative")));

        assertThat(studio.stores.quota().limits(WS)).isEmpty();
    }

    @Test
    void quotaOfAnUnknownWorkspaceIsNotFound() {
        assertThatThrownBy(() -> studio.quota.usage("ws-nowhere")).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> studio.quota.setLimit("ws-nowhere", QuotaKeys.CLUSTERS, 1))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void aLockNeedsAValidUniqueNameAndAKnownWorkspace() {
        assertThatThrownBy(() -> studio.locks.create(WS, "no/slashes", LockLevel.READ_ONLY, null))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.problems())
                        .extracting(Problem::field, Problem::rule).containsExactly(tuple("name", "lock-name")));
        assertThat(studio.locks.list(WS)).isEmpty();

        studio.locks.create(WS, "keep-it", LockLevel.CAN_NOT_DELETE, "audit");
        assertThatThrownBy(() -> studio.locks.create(WS, "keep-it", LockLevel.READ_ONLY, null))
                .isInstanceOf(ConflictException.class).hasMessageContaining("already has a lock named 'keep-it'");
        assertThat(studio.locks.list(WS)).extracting(ResourceLock::level).containsExactly(LockLevel.CAN_NOT_DELETE);
        assertThatThrownBy(() -> studio.locks.create("ws-nowhere", "keep-it", LockLevel.READ_ONLY, null))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void deletingAnUnknownLockIsNotFound() {
        assertThatThrownBy(() -> studio.locks.delete(WS, "keep-it"))
                .isInstanceOf(NotFoundException.class).hasMessage("lock 'keep-it' was not found");
    }
}
