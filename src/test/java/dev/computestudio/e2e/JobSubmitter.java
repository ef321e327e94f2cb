package dev.computestudio.e2e;

import dev.computestudio.app.AppContext;
import dev.computestudio.cli.RunnerChoice;
import dev.computestudio.domain.JobSpec;

import java.nio.file.Path;
import java.util.Map;

/**
 * Run in its own JVM by {@link ConcurrencyTest}: a client process that submits many jobs through
 * the same service {@code job create} calls, over the data folder a running {@code serve} holds.
 * One JVM per hundred jobs instead of one per job, which on two cores would take longer than the
 * jobs themselves. Prints "submitted NAME" per job, "failed NAME: WHY" per refusal, and exits 1
 * when any submit failed.
 *
 * <p>Arguments: data folder, workspace, compute, name prefix, job count, folder each job writes its line to.
 */
public final class JobSubmitter {

    static final String SUBMITTED = "submitted ";

    private JobSubmitter() {
    }

    public static void main(String[] args) {
        Path dataFolder = Path.of(args[0]);
        String workspace = args[1];
        String compute = args[2];
        String prefix = args[3];
        int count = Integer.parseInt(args[4]);
        Path ranFolder = Path.of(args[5]);
        int failures = 0;
        try (AppContext client = AppContext.open(dataFolder, RunnerChoice.PROCESS, "job submitter " + prefix)) {
            for (int i = 1; i <= count; i++) {
                String name = prefix + "-" + i;
                try {
                    client.jobs().submit(workspace, spec(name, compute, ranFolder));
                    System.out.println(SUBMITTED + name);
                } catch (RuntimeException e) {
                    failures++;
                    System.err.println("failed " + name + ": " + e);
                }
            }
        }
        System.out.flush();
        System.exit(failures == 0 ? 0 : 1);
    }

    /** A quick job that leaves one line per run in a file of its own, so a second run would show. */
    static JobSpec spec(String name, String compute, Path ranFolder) {
        String command = "echo \"attempt $AZUREML_ATTEMPT\" >> '" + ranFolder.resolve(name) + ".ran'";
        return new JobSpec(name, null, "concurrency", compute, command, null, 1, Map.of(), null, null);
    }
}
