package dev.computestudio.demo;

import dev.computestudio.domain.ScaledClock;
import dev.computestudio.service.ComputeService;
import dev.computestudio.service.IdentityService;
import dev.computestudio.service.JobService;
import dev.computestudio.service.LockService;
import dev.computestudio.service.QuotaService;
import dev.computestudio.service.WorkspaceService;

/**
 * What a scenario works with: the same services the studio and the command line use, and the
 * application's clock, which a demo runs faster or pauses.
 */
public record DemoServices(WorkspaceService workspaces, ComputeService compute, JobService jobs, QuotaService quota,
                           LockService locks, IdentityService identities, ScaledClock clock) {
}
