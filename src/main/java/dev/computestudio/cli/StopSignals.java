package dev.computestudio.cli;

import sun.misc.Signal;

/**
 * Ctrl-C (SIGINT) and SIGTERM as a request to stop, heard before the JVM starts to exit. A
 * shutdown hook is too late for a process that must still write: H2 closes the database in its
 * own exit hook, at the same time as any hook of ours, so the engine could not hand its jobs back.
 * Where these signals cannot be caught (Windows has no SIGTERM), a shutdown hook does what it can.
 */
public final class StopSignals {

    private StopSignals() {
    }

    /** Calls {@code stop} once, on the first Ctrl-C or SIGTERM, instead of exiting at once. */
    public static void onStop(Runnable stop) {
        Runnable once = new Runnable() {
            private boolean ran;

            @Override
            public synchronized void run() {
                if (!ran) {
                    ran = true;
                    stop.run();
                }
            }
        };
        for (String name : new String[] {"INT", "TERM"}) {
            try {
                Signal.handle(new Signal(name), signal -> once.run());
            } catch (IllegalArgumentException notOnThisSystem) {
                Runtime.getRuntime().addShutdownHook(new Thread(once, "stop-on-exit"));
            }
        }
    }
}
