package dev.computestudio.cli;

import dev.computestudio.domain.ConflictException;
import dev.computestudio.domain.NotFoundException;
import dev.computestudio.domain.Problem;
import dev.computestudio.domain.ValidationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;

import java.io.PrintWriter;

/**
 * Turns failures into one clear message and an exit code. User mistakes never print a stack
 * trace; unexpected failures print their message and leave the trace in the log file.
 */
final class ErrorReporter implements CommandLine.IExecutionExceptionHandler, CommandLine.IParameterExceptionHandler {

    @Override
    public int handleExecutionException(Exception exception, CommandLine commandLine,
                                        CommandLine.ParseResult parseResult) {
        PrintWriter err = commandLine.getErr();
        if (exception instanceof ValidationException invalid) {
            for (Problem problem : invalid.problems()) {
                err.println("error: " + problem.field() + ": " + problem.message() + " (rule: " + problem.rule() + ")");
            }
            return ExitCodes.BAD_INPUT;
        }
        if (exception instanceof NotFoundException) {
            err.println("error: " + exception.getMessage());
            return ExitCodes.NOT_FOUND;
        }
        if (exception instanceof ConflictException) {
            err.println("error: " + exception.getMessage());
            return ExitCodes.CONFLICT;
        }
        // Looked up here, not in a static field: logging must start only after the data folder is known.
        Logger log = LoggerFactory.getLogger(ErrorReporter.class);
        log.error("command failed: {}", String.join(" ", parseResult.originalArgs()), exception);
        err.println("error: " + (exception.getMessage() == null ? exception.getClass().getSimpleName()
                : exception.getMessage()) + " (details in the log)");
        return ExitCodes.FAILURE;
    }

    @Override
    public int handleParseException(CommandLine.ParameterException exception, String[] args) {
        CommandLine commandLine = exception.getCommandLine();
        PrintWriter err = commandLine.getErr();
        err.println("error: " + exception.getMessage());
        if (!CommandLine.UnmatchedArgumentException.printSuggestions(exception, err)) {
            err.println("Try '" + commandLine.getCommandSpec().qualifiedName() + " --help' for usage.");
        }
        return ExitCodes.BAD_INPUT;
    }
}
