package dev.computestudio.cli;

import dev.computestudio.domain.IssuedToken;
import dev.computestudio.domain.UserAssignedIdentity;
import dev.computestudio.service.IdentityService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code identity create|list|show|delete}: user-assigned managed identities of a workspace, as
 * {@code az identity}; and {@code identity token}: a token asked for as a job on a cluster would.
 */
@Command(name = "identity", description = "Manage user-assigned managed identities and try their tokens.",
        mixinStandardHelpOptions = true)
final class IdentityCommands {

    private final GlobalContext context;

    IdentityCommands(GlobalContext context) {
        this.context = context;
    }

    @Command(name = "create", description = "Create a user-assigned identity in the workspace's resource group.",
            mixinStandardHelpOptions = true)
    int create(@Option(names = {"-w", "--workspace"}, required = true, description = "Workspace name.") String workspace,
               @Option(names = {"-n", "--name"}, required = true, description = "Identity name.") String name,
               @Mixin OutputOption output) {
        print(List.of(context.backend().identities().create(workspace, name)), output, false);
        return ExitCodes.OK;
    }

    @Command(name = "list", description = "List the workspace's user-assigned identities.",
            mixinStandardHelpOptions = true)
    int list(@Option(names = {"-w", "--workspace"}, required = true, description = "Workspace name.") String workspace,
             @Mixin OutputOption output) {
        print(context.backend().identities().list(workspace), output, true);
        return ExitCodes.OK;
    }

    @Command(name = "show", description = "Show a user-assigned identity.", mixinStandardHelpOptions = true)
    int show(@Option(names = {"-w", "--workspace"}, required = true, description = "Workspace name.") String workspace,
             @Option(names = {"-n", "--name"}, required = true, description = "Identity name.") String name,
             @Mixin OutputOption output) {
        print(List.of(context.backend().identities().show(workspace, name)), output, false);
        return ExitCodes.OK;
    }

    @Command(name = "delete", description = "Delete a user-assigned identity no cluster uses.",
            mixinStandardHelpOptions = true)
    int delete(@Option(names = {"-w", "--workspace"}, required = true, description = "Workspace name.") String workspace,
               @Option(names = {"-n", "--name"}, required = true, description = "Identity name.") String name) {
        context.backend().identities().delete(workspace, name);
        context.out().println("Deleted identity '" + name + "'.");
        return ExitCodes.OK;
    }

    @Command(name = "token", description = "Ask for a token as a job on the cluster would (MSI_ENDPOINT with its "
            + "secret), verify its signature against the published keys, and print what it says.",
            mixinStandardHelpOptions = true)
    int token(@Option(names = {"-w", "--workspace"}, required = true, description = "Workspace name.") String workspace,
              @Option(names = "--compute", required = true, description = "Cluster whose jobs' identity to use.")
              String compute,
              @Option(names = "--resource", defaultValue = IdentityService.DEFAULT_RESOURCE,
                      description = "Audience (default: ${DEFAULT-VALUE}).") String resource,
              @Option(names = "--client-id", description = "Identity to ask for (default: the cluster's default, "
                      + "DEFAULT_IDENTITY_CLIENT_ID).") String clientId,
              @Mixin OutputOption output) {
        String computeName = compute.startsWith("azureml:") ? compute.substring("azureml:".length()) : compute;
        IssuedToken token = context.backend().identities().requestToken(workspace, computeName, resource, clientId);
        if (output.json()) {
            Map<String, Object> view = new LinkedHashMap<>();
            view.put("endpoint", token.endpoint());
            view.put("tokenType", token.tokenType());
            view.put("resource", token.resource());
            view.put("expiresIn", token.expiresIn());
            view.put("expiresOn", token.expiresOn().getEpochSecond());
            view.put("signatureVerified", token.signatureVerified());
            view.put("jwksUri", token.jwksUrl());
            view.put("header", token.header());
            view.put("claims", token.claims());
            Output.json(context.out(), view);
            return ExitCodes.OK;
        }
        context.out().println("GET " + token.endpoint());
        context.out().println("    secret: (the cluster's MSI_SECRET, not shown)");
        context.out().println((token.signatureVerified() ? "Signature verified" : "Signature NOT verified")
                + " (" + token.header().get("alg") + ", key " + token.header().get("kid") + ") with the keys at "
                + token.jwksUrl());
        context.out().println(token.tokenType() + " token for " + token.resource() + ", expires "
                + token.expiresOn() + " (in " + token.expiresIn() + " s)");
        context.out().println();
        Table table = new Table("Part", "Claim", "Value");
        token.header().forEach((name, value) -> table.row("header", name, value));
        token.claims().forEach((name, value) -> table.row("payload", name, describe(name, value)));
        table.print(context.out());
        return token.signatureVerified() ? ExitCodes.OK : ExitCodes.FAILURE;
    }

    /** Times as epoch seconds and, beside them, the instant they stand for. */
    private static String describe(String claim, Object value) {
        if (value instanceof Number seconds && List.of("iat", "nbf", "exp").contains(claim)) {
            return seconds + " (" + Instant.ofEpochSecond(seconds.longValue()) + ")";
        }
        return String.valueOf(value);
    }

    private void print(List<UserAssignedIdentity> identities, OutputOption output, boolean asList) {
        if (output.json()) {
            List<Map<String, Object>> views = identities.stream().map(IdentityCommands::view).toList();
            Output.json(context.out(), asList ? views : views.get(0));
            return;
        }
        Table table = new Table("Name", "ClientId", "PrincipalId", "ResourceId");
        identities.forEach(identity -> table.row(identity.name(), identity.clientId(), identity.principalId(),
                identity.resourceId()));
        table.print(context.out());
    }

    /** The REST resource's fields, flattened as the other commands' JSON is. */
    private static Map<String, Object> view(UserAssignedIdentity identity) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", identity.resourceId());
        view.put("name", identity.name());
        view.put("type", "Microsoft.ManagedIdentity/userAssignedIdentities");
        view.put("clientId", identity.clientId());
        view.put("principalId", identity.principalId());
        view.put("tenantId", identity.tenantId());
        view.put("createdAt", identity.createdAt().toString());
        return view;
    }
}
