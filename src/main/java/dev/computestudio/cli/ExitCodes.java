package dev.computestudio.cli;

/** What the command line's exit status means, for scripts. */
public final class ExitCodes {

    public static final int OK = 0;
    public static final int FAILURE = 1;
    public static final int BAD_INPUT = 2;
    public static final int NOT_FOUND = 3;
    public static final int CONFLICT = 4;

    private ExitCodes() {
    }
}
