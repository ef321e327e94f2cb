package dev.computestudio.app;

import dev.computestudio.domain.ClusterSpec;
import dev.computestudio.domain.JobSpec;
import dev.computestudio.domain.LockLevel;

import java.time.Duration;
import java.util.Map;

/**
 * What a class has after a few minutes, for the tests that walk every screen: a workspace with a
 * CPU cluster and a GPU cluster over its quota (in error), an identity, a job that finished and one
 * that failed, and a lock; named in the class's language.
 *
 * @param gpuSize the GPU cluster's VM size, the longest name a screen has to show
 */
record Classroom(String workspace, String cpuCluster, String gpuCluster, String gpuSize, String identity,
                 String finishedJob, String failedJob, String lock, String lockNotes) {

    /** Makes it all and waits until the jobs ended and the GPU cluster reports its error. */
    void arrange(AppContext context) throws Exception {
        context.workspaces().create(workspace, null, null);
        context.compute().create(workspace, cpuCluster,
                ClusterSpec.defaults("Standard_DS3_v2").withScale(0, 4, Duration.ofSeconds(600)));
        context.compute().create(workspace, gpuCluster,
                ClusterSpec.defaults(gpuSize).withScale(1, 2, Duration.ofSeconds(120)));
        context.identities().create(workspace, identity);
        context.jobs().submit(workspace, job(finishedJob, "echo 42"));
        context.jobs().submit(workspace, job(failedJob, "exit 3"));
        ScreenPictures.waitUntil(() -> context.jobs().list(workspace).stream().allMatch(job -> job.status().isFinal()),
                60);
        ScreenPictures.waitUntil(() -> !context.compute().show(workspace, gpuCluster).status().errors().isEmpty(), 30);
        context.locks().create(workspace, lock, LockLevel.CAN_NOT_DELETE, lockNotes);
    }

    private JobSpec job(String name, String command) {
        return new JobSpec(name, null, null, cpuCluster, command, "busybox:latest", 1, Map.of(), null, null);
    }
}
