package dev.computestudio.infra.persistence;

import dev.computestudio.domain.ClusterSpec;
import dev.computestudio.domain.JobFiles;
import dev.computestudio.domain.JobSpec;
import dev.computestudio.domain.QuotaKeys;
import dev.computestudio.domain.VmCatalog;
import dev.computestudio.domain.port.Repositories;
import dev.computestudio.service.ComputeService;
import dev.computestudio.service.Installation;
import dev.computestudio.service.JobService;
import dev.computestudio.service.LockService;
import dev.computestudio.service.QuotaService;
import dev.computestudio.service.WorkspaceService;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Random;

/**
 * Run in its own JVM by {@link CrashSafetyTest}, which kills it at a random moment: creates
 * clusters, submits a job to each and deletes every third, through the services over the H2 file,
 * without end. It prints a line once each change has returned, so the test knows it is stored.
 */
public final class CrashingWriter {

    static final String WORKSPACE = "ws-crash";
    static final String CREATED = "created ";
    static final String DELETED = "deleted ";

    private CrashingWriter() {
    }

    /** @param args the data folder, and a prefix for the names of this run */
    public static void main(String[] args) {
        Path dataFolder = Path.of(args[0]);
        String prefix = args[1];
        Database database = Database.openFile(dataFolder);
        Repositories stores = database.repositories();
        Clock clock = Clock.systemUTC();
        VmCatalog catalog = VmCatalog.standard();
        Installation installation = new Installation(stores.settings());
        LockService locks = new LockService(stores.locks(), stores.workspaces(), clock);
        QuotaService quota = new QuotaService(stores.quota(), stores.workspaces(), stores.clusters(), stores.nodes(),
                catalog);
        WorkspaceService workspaces = new WorkspaceService(stores.workspaces(), stores.clusters(), stores.locks(),
                installation, clock);
        ComputeService compute = new ComputeService(stores.workspaces(), stores.clusters(), stores.nodes(),
                stores.identities(), stores.events(), stores.unitOfWork(), locks, quota, installation, catalog, clock);
        JobService jobs = new JobService(stores.workspaces(), stores.clusters(), stores.jobs(), stores.events(),
                stores.unitOfWork(), new JobFiles(dataFolder), new Random(), clock, () -> { });
        if (stores.workspaces().find(WORKSPACE).isEmpty()) {
            workspaces.create(WORKSPACE, null, null);
            quota.setLimit(WORKSPACE, QuotaKeys.CLUSTERS, 100_000);
        }
        ClusterSpec spec = ClusterSpec.defaults("Standard_DS2_v2").withScale(0, 2, Duration.ofSeconds(120));
        for (int i = 0; ; i++) {
            String cluster = prefix + "c" + i;
            compute.create(WORKSPACE, cluster, spec);
            jobs.submit(WORKSPACE, new JobSpec("job-" + cluster, null, null, cluster, "echo " + i, null, 1,
                    Map.of("N", String.valueOf(i)), null, null));
            System.out.println(CREATED + cluster);
            if (i % 3 == 2) {
                compute.delete(WORKSPACE, cluster);
                System.out.println(DELETED + cluster);
            }
            System.out.flush();
        }
    }
}
