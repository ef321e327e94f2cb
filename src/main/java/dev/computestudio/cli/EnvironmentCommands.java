package dev.computestudio.cli;

import dev.computestudio.service.EnvironmentService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code environment list|set|delete}: the local table that maps Azure ML environment names
 * ({@code azureml:NAME@latest}, {@code azureml:NAME:VERSION}) to images, since there is no registry here.
 */
@Command(name = "environment", description = "Map Azure ML environment names to local images.",
        mixinStandardHelpOptions = true)
final class EnvironmentCommands {

    private final GlobalContext context;

    EnvironmentCommands(GlobalContext context) {
        this.context = context;
    }

    @Command(name = "list", description = "List the environment names and their images.", mixinStandardHelpOptions = true)
    int list(@Mixin OutputOption output) {
        EnvironmentService environments = context.backend().environments();
        Map<String, String> entries = environments.list();
        if (output.json()) {
            List<Map<String, String>> rows = entries.entrySet().stream().map(entry -> {
                Map<String, String> row = new LinkedHashMap<>();
                row.put("name", entry.getKey());
                row.put("image", entry.getValue());
                return row;
            }).toList();
            Output.json(context.out(), rows);
            return ExitCodes.OK;
        }
        Table table = new Table("Name", "Image");
        entries.forEach(table::row);
        table.print(context.out());
        context.err().println("(edit " + environments.location() + " or use 'environment set')");
        return ExitCodes.OK;
    }

    @Command(name = "set", description = "Map an environment name (or NAME:VERSION) to an image.",
            mixinStandardHelpOptions = true)
    int set(@Option(names = {"-n", "--name"}, required = true, description = "Environment name, or NAME:VERSION.")
            String name,
            @Option(names = {"-i", "--image"}, required = true, description = "The image it runs in here.") String image) {
        context.backend().environments().set(name, image);
        context.out().println("azureml:" + (name.contains(":") ? name : name + "@latest") + " runs in " + image + ".");
        return ExitCodes.OK;
    }

    @Command(name = "delete", description = "Remove an environment name from the table.", mixinStandardHelpOptions = true)
    int delete(@Option(names = {"-n", "--name"}, required = true, description = "Environment name, or NAME:VERSION.")
               String name) {
        if (!context.backend().environments().delete(name)) {
            context.err().println("error: environment '" + name + "' is not in the table");
            return ExitCodes.NOT_FOUND;
        }
        context.out().println("Removed environment '" + name + "'.");
        return ExitCodes.OK;
    }
}
