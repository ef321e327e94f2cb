package dev.computestudio.infra.identity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.SignedJWT;
import dev.computestudio.domain.ComputeCluster;
import dev.computestudio.domain.ConflictException;
import dev.computestudio.domain.IdentityCredential;
import dev.computestudio.domain.IssuedToken;
import dev.computestudio.domain.IdentityType;
import dev.computestudio.domain.Job;
import dev.computestudio.domain.ManagedIdentity;
import dev.computestudio.domain.Message;
import dev.computestudio.domain.Node;
import dev.computestudio.domain.port.IdentityCredentialRepository;
import dev.computestudio.domain.port.JobIdentity;
import dev.computestudio.domain.port.Repositories;
import dev.computestudio.domain.port.TokenProbe;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The local stand-in for the cloud's managed-identity service. It starts its endpoint on first
 * use (the first job the engine launches, or a probe), so a command that runs no job never opens
 * a port. Each job rank gets the variables a job gets in the cloud; containers reach the endpoint
 * on the Docker bridge's address, processes on loopback.
 */
public final class LocalManagedIdentity implements JobIdentity, TokenProbe, AutoCloseable {

    static final Duration PROBE_LIFETIME = Duration.ofSeconds(60);
    private static final Logger LOG = LoggerFactory.getLogger(LocalManagedIdentity.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration HTTP_TIMEOUT = Duration.ofSeconds(10);
    private static final List<String> HEADER_ORDER = List.of("alg", "typ", "kid");
    private static final List<String> PAYLOAD_ORDER = List.of("aud", "iss", "iat", "nbf", "exp");

    private final Path dataFolder;
    private final Repositories stores;
    private final IdentityCredentialRepository credentials;
    private final Clock clock;
    private final Supplier<Optional<InetAddress>> containerHost;
    private final SecureRandom random = new SecureRandom();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(HTTP_TIMEOUT).build();
    private TokenEndpoint endpoint;
    private TokenIssuer issuer;
    private int loopbackPort;
    private String jobEndpoint;
    private boolean unreachableWarned;

    /**
     * @param containerHost for the Docker runner: the host's address on the Docker bridge, where
     *                      containers reach the endpoint (empty when there is none on this
     *                      machine); null when jobs run as local processes
     */
    public LocalManagedIdentity(Path dataFolder, Repositories stores, IdentityCredentialRepository credentials,
                                Clock clock, Supplier<Optional<InetAddress>> containerHost) {
        this.dataFolder = dataFolder;
        this.stores = stores;
        this.credentials = credentials;
        this.clock = clock;
        this.containerHost = containerHost;
    }

    @Override
    public Map<String, String> variablesFor(ComputeCluster cluster, Job job, Node node) {
        String url = jobEndpoint();
        if (url == null) {
            return Map.of();
        }
        String secret = newSecret();
        credentials.issue(IdentityCredential.forAttempt(TokenRequests.hash(secret), job, cluster.name(), node.id(),
                clock.instant()));
        Map<String, String> variables = new LinkedHashMap<>();
        variables.put("MSI_ENDPOINT", url);
        variables.put("MSI_SECRET", secret);
        defaultClientId(cluster).ifPresent(clientId -> variables.put("DEFAULT_IDENTITY_CLIENT_ID", clientId));
        return variables;
    }

    @Override
    public IssuedToken requestAsJobOn(String workspace, String cluster, String resource, String clientId) {
        start();
        String secret = newSecret();
        String hash = TokenRequests.hash(secret);
        Instant now = clock.instant();
        credentials.issue(IdentityCredential.forProbe(hash, workspace, cluster, now, now.plus(PROBE_LIFETIME)));
        String base = "http://127.0.0.1:" + loopbackPort;
        String url = base + TokenEndpoint.TOKEN_PATH + "?api-version=" + TokenRequests.API_VERSION + "&resource="
                + URLEncoder.encode(resource, StandardCharsets.UTF_8)
                + (clientId == null ? "" : "&clientid=" + URLEncoder.encode(clientId, StandardCharsets.UTF_8));
        try {
            HttpResponse<String> response = get(url, secret);
            JsonNode body = JSON.readTree(response.body());
            if (response.statusCode() != 200) {
                // The endpoint answers in the cloud's wire format, whose descriptions are English.
                throw new ConflictException("", Message.of("conflict.identity.token-refused", response.statusCode(),
                        body.path("error").asText(), body.path("error_description").asText()));
            }
            return decode(url, base + TokenEndpoint.JWKS_PATH, body);
        } catch (IOException e) {
            throw new IllegalStateException("cannot reach the token endpoint at " + base + ": " + e.getMessage(), e);
        } finally {
            credentials.revoke(hash);
        }
    }

    /** Where jobs that run as local processes reach the endpoint, once it runs. */
    public synchronized Optional<String> loopbackEndpoint() {
        return endpoint == null ? Optional.empty()
                : Optional.of("http://127.0.0.1:" + loopbackPort + TokenEndpoint.TOKEN_PATH);
    }

    @Override
    public synchronized void close() {
        if (endpoint != null) {
            endpoint.close();
            endpoint = null;
        }
    }

    /** The MSI_ENDPOINT jobs get; null when jobs of this runner cannot reach one. */
    private synchronized String jobEndpoint() {
        start();
        if (jobEndpoint == null && containerHost != null) {
            Optional<InetAddress> bridge = containerHost.get();
            if (bridge.isPresent()) {
                int port = endpoint.listen(bridge.get(), loopbackPort);
                jobEndpoint = "http://" + bridge.get().getHostAddress() + ":" + port + TokenEndpoint.TOKEN_PATH;
                LOG.info("managed-identity endpoint for containers: {}", jobEndpoint);
            } else if (!unreachableWarned) {
                unreachableWarned = true;
                LOG.warn("the Docker engine's bridge is not on this machine, so jobs in containers cannot reach "
                        + "the managed-identity endpoint; they get no MSI_ENDPOINT");
            }
        } else if (jobEndpoint == null) {
            jobEndpoint = "http://127.0.0.1:" + loopbackPort + TokenEndpoint.TOKEN_PATH;
        }
        return jobEndpoint;
    }

    private synchronized void start() {
        if (endpoint != null) {
            return;
        }
        issuer = new TokenIssuer(SigningKey.loadOrCreate(dataFolder));
        String jwks = issuer.publicKeys().toString();
        TokenEndpoint started = new TokenEndpoint(new TokenRequests(stores, credentials, issuer, clock), () -> jwks);
        loopbackPort = started.listen(InetAddress.getLoopbackAddress(), 0);
        endpoint = started;
        LOG.info("managed-identity endpoint: http://127.0.0.1:{}{} (keys at {})", loopbackPort,
                TokenEndpoint.TOKEN_PATH, TokenEndpoint.JWKS_PATH);
    }

    private Optional<String> defaultClientId(ComputeCluster cluster) {
        if (cluster.spec().identity().type() == IdentityType.NONE) {
            return Optional.empty(); // no identity, no client id: spares two reads for every rank started
        }
        return stores.workspaces().find(cluster.workspace())
                .map(workspace -> ManagedIdentity.of(workspace, cluster, stores.identities().list(cluster.workspace())))
                .flatMap(identities -> identities.stream().findFirst())
                .map(ManagedIdentity::clientId);
    }

    private String newSecret() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private HttpResponse<String> get(String url, String secret) throws IOException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(HTTP_TIMEOUT).GET();
        if (secret != null) {
            request.header("secret", secret);
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    /** Verifies the token against the published keys, as any resource would, and decodes it. */
    private IssuedToken decode(String url, String jwksUrl, JsonNode body) throws IOException {
        try {
            SignedJWT jwt = SignedJWT.parse(body.path("access_token").asText());
            JWKSet keys = JWKSet.parse(get(jwksUrl, null).body());
            JWK key = keys.getKeyByKeyId(jwt.getHeader().getKeyID());
            boolean verified = key instanceof RSAKey rsa && jwt.verify(new RSASSAVerifier(rsa.toRSAPublicKey()));
            return new IssuedToken(url, body.path("resource").asText(), body.path("token_type").asText(),
                    body.path("expires_in").asLong(), Instant.ofEpochSecond(body.path("expires_on").asLong()),
                    ordered(jwt.getHeader().toJSONObject(), HEADER_ORDER),
                    ordered(jwt.getJWTClaimsSet().toJSONObject(), PAYLOAD_ORDER),
                    verified, jwksUrl);
        } catch (ParseException | JOSEException e) {
            throw new IOException("the endpoint's answer is not a valid signed token: " + e.getMessage(), e);
        }
    }

    /** In the order the cloud's tokens show them: the best known entries first, then by name. */
    private static Map<String, Object> ordered(Map<String, Object> map, List<String> first) {
        Map<String, Object> copy = new LinkedHashMap<>();
        first.stream().filter(map::containsKey).forEach(name -> copy.put(name, null));
        map.keySet().stream().filter(name -> !first.contains(name)).sorted().forEach(name -> copy.put(name, null));
        map.forEach((name, value) -> {
            if (value == null) {
                copy.remove(name);
            } else {
                copy.put(name, value instanceof List<?> list && list.size() == 1 ? list.get(0) : value);
            }
        });
        return Collections.unmodifiableMap(copy);
    }
}
