package dev.computestudio.cli;

import dev.computestudio.engine.Engine;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;

import java.util.concurrent.CountDownLatch;

/** {@code serve}: runs the engine until stopped (Ctrl-C or SIGTERM), handing its jobs back cleanly. */
@Command(name = "serve", description = "Run the engine until stopped: scale clusters, place and run jobs.",
        mixinStandardHelpOptions = true)
final class ServeCommand implements java.util.concurrent.Callable<Integer> {

    private final GlobalContext context;

    ServeCommand(GlobalContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws InterruptedException {
        Backend backend = context.backend();
        Engine engine = backend.engine();
        CountDownLatch stopRequested = new CountDownLatch(1);
        StopSignals.onStop(stopRequested::countDown);
        // First line, and in the log: which runner this engine uses.
        String started = "Compute Studio engine: runner " + backend.runnerName() + ", data folder "
                + context.dataFolder() + ". Stop with Ctrl-C.";
        LoggerFactory.getLogger(ServeCommand.class).info(started);
        context.err().println(started);
        engine.addListener(state -> context.err().println("engine: " + state.name().toLowerCase().replace('_', ' ')));
        engine.start();
        stopRequested.await();
        context.err().println("Stopping the engine...");
        // Hands the jobs it runs back to the queue and releases the lease while the database is
        // still open; the command line closes the database after this returns.
        engine.close();
        return ExitCodes.OK;
    }
}
