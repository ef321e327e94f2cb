package dev.computestudio.infra.identity;

import dev.computestudio.domain.ComputeCluster;
import dev.computestudio.domain.IdentityCredential;
import dev.computestudio.domain.Job;
import dev.computestudio.domain.ManagedIdentity;
import dev.computestudio.domain.Workspace;
import dev.computestudio.domain.port.IdentityCredentialRepository;
import dev.computestudio.domain.port.Repositories;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Decides what one token request gets, in the cloud's words: the token, or a refusal with its
 * status and error. The secret says who asks (a node running an attempt of a job, or a probe for
 * a cluster); the cluster's identities say what it may have.
 */
final class TokenRequests {

    static final String API_VERSION = "2017-09-01";
    private static final Logger LOG = LoggerFactory.getLogger(TokenRequests.class);

    /** The status and JSON body to send back. */
    record Answer(int status, Map<String, Object> body) {
    }

    private final Repositories stores;
    private final IdentityCredentialRepository credentials;
    private final TokenIssuer issuer;
    private final Clock clock;

    TokenRequests(Repositories stores, IdentityCredentialRepository credentials, TokenIssuer issuer, Clock clock) {
        this.stores = stores;
        this.credentials = credentials;
        this.issuer = issuer;
        this.clock = clock;
    }

    /**
     * @param secret the {@code secret} header (null when absent)
     * @param query  the request's query parameters
     */
    Answer answer(String secret, Map<String, String> query) {
        if (secret == null || secret.isBlank()) {
            return refuse(401, "invalid_request", "Required header 'secret' is missing: send the value of "
                    + "MSI_SECRET in it");
        }
        Optional<IdentityCredential> found = credentials.findBySecretHash(hash(secret.trim()));
        if (found.isEmpty()) {
            return refuse(401, "unauthorized_client", "The secret is not one this endpoint gave out");
        }
        IdentityCredential credential = found.get();
        Instant now = clock.instant();
        String stale = staleness(credential, now);
        if (stale != null) {
            return refuse(401, "unauthorized_client", stale);
        }
        String apiVersion = query.get("api-version");
        if (!API_VERSION.equals(apiVersion)) {
            return refuse(400, "invalid_request", apiVersion == null
                    ? "Required query parameter 'api-version' is missing: use " + API_VERSION
                    : "api-version '" + apiVersion + "' is not supported: use " + API_VERSION);
        }
        String resource = query.get("resource");
        if (resource == null || resource.isBlank()) {
            return refuse(400, "invalid_request", "Required query parameter 'resource' is missing: name the audience,"
                    + " e.g. resource=https://management.azure.com/");
        }
        Optional<Workspace> workspace = stores.workspaces().find(credential.workspace());
        Optional<ComputeCluster> cluster = stores.clusters().find(credential.workspace(), credential.cluster());
        if (workspace.isEmpty() || cluster.isEmpty()) {
            return refuse(400, "invalid_request", "Identity not found: compute '" + credential.cluster()
                    + "' no longer exists");
        }
        List<ManagedIdentity> identities = ManagedIdentity.of(workspace.get(), cluster.get(),
                stores.identities().list(credential.workspace()));
        if (identities.isEmpty()) {
            return refuse(400, "invalid_request", "Identity not found: compute '" + credential.cluster()
                    + "' has no managed identity; give it one with 'compute update -w " + credential.workspace()
                    + " --name " + credential.cluster() + " --identity-type system_assigned' (or user_assigned)");
        }
        String clientId = query.getOrDefault("clientid", query.get("client_id"));
        Optional<ManagedIdentity> identity = ManagedIdentity.choose(identities, clientId);
        if (identity.isEmpty()) {
            return refuse(400, "invalid_request", "Identity not found: compute '" + credential.cluster()
                    + "' has no managed identity with client id '" + clientId + "'");
        }
        String token = issuer.sign(identity.get(), resource, now);
        LOG.debug("token for {} of {}/{} ({}), audience {}", identity.get().name(), credential.workspace(),
                credential.cluster(), credential.isProbe() ? "probe" : "job " + credential.jobName(), resource);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("access_token", token);
        body.put("expires_in", TokenIssuer.LIFETIME.toSeconds());
        body.put("expires_on", now.getEpochSecond() + TokenIssuer.LIFETIME.toSeconds());
        body.put("resource", resource);
        body.put("token_type", "Bearer");
        return new Answer(200, body);
    }

    /** Why a known secret no longer works, or null while it does: it lives as long as its attempt runs. */
    private String staleness(IdentityCredential credential, Instant now) {
        if (credential.isProbe()) {
            return credential.expiresAt() != null && now.isAfter(credential.expiresAt())
                    ? "The secret has expired" : null;
        }
        Optional<Job> job = stores.jobs().find(credential.workspace(), credential.jobName());
        boolean running = job.isPresent() && job.get().attempt() == credential.attempt()
                && job.get().status().holdsNodes() && job.get().nodeIds().contains(credential.nodeId());
        return running ? null : "The secret belonged to attempt " + credential.attempt() + " of job '"
                + credential.jobName() + "', which is no longer running; a secret works only while its attempt runs";
    }

    private static Answer refuse(int status, String error, String description) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", error);
        body.put("error_description", description);
        return new Answer(status, body);
    }

    /** Secrets are stored and looked up by their SHA-256 only. */
    static String hash(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }
}
