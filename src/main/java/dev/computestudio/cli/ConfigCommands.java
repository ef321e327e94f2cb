package dev.computestudio.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.Map;

/** {@code config list|set}: the images the Docker runner uses. */
@Command(name = "config", description = "Show or change settings (the Docker runner's images).",
        mixinStandardHelpOptions = true)
final class ConfigCommands {

    private final GlobalContext context;

    ConfigCommands(GlobalContext context) {
        this.context = context;
    }

    @Command(name = "list", description = "List the settings.", mixinStandardHelpOptions = true)
    int list(@Mixin OutputOption output) {
        Map<String, String> settings = context.backend().config().list();
        if (output.json()) {
            Output.json(context.out(), settings);
        } else {
            Table table = new Table("Setting", "Value");
            settings.forEach(table::row);
            table.print(context.out());
        }
        return ExitCodes.OK;
    }

    @Command(name = "set", description = "Change a setting, e.g. docker.job-image.", mixinStandardHelpOptions = true)
    int set(@Option(names = {"-k", "--key"}, required = true, description = "The setting.") String key,
            @Option(names = "--value", required = true, description = "Its new value.") String value) {
        context.backend().config().set(key, value);
        context.out().println(key + " = " + value);
        return ExitCodes.OK;
    }
}
