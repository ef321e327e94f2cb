package dev.computestudio.infra.identity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.SignedJWT;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Talks to the token endpoint as a job and as a resource server would, for the tests. */
public final class Tokens {

    public static final String ARM = "https://management.azure.com/";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private Tokens() {
    }

    /** The endpoint's status and JSON answer. */
    public record Reply(int status, JsonNode body) {
    }

    /** GET {MSI_ENDPOINT}?api-version=2017-09-01&resource=R[&clientid=C] with the header secret (null: none). */
    public static Reply request(Map<String, String> environment, String resource, String clientId) throws Exception {
        String url = environment.get("MSI_ENDPOINT") + "?api-version=2017-09-01&resource=" + resource
                + (clientId == null ? "" : "&clientid=" + clientId);
        return get(url, environment.get("MSI_SECRET"));
    }

    public static Reply get(String url, String secret) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10));
        if (secret != null) {
            request.header("secret", secret);
        }
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Reply(response.statusCode(), JSON.readTree(response.body()));
    }

    /** The JWKS URL beside a token endpoint URL. */
    public static String jwksUrl(String tokenEndpoint) {
        return tokenEndpoint.replace("/msi/token", "/msi/jwks");
    }

    /**
     * Checks the token's signature against the JWKS published beside the endpoint, fetched
     * without a secret, as any resource would; returns the verified token.
     */
    public static SignedJWT verified(String accessToken, String tokenEndpoint) throws Exception {
        Reply jwks = get(jwksUrl(tokenEndpoint), null);
        assertThat(jwks.status()).isEqualTo(200);
        JWKSet keys = JWKSet.parse(jwks.body().toString());
        SignedJWT jwt = SignedJWT.parse(accessToken);
        assertThat(jwt.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.RS256);
        RSAKey key = (RSAKey) keys.getKeyByKeyId(jwt.getHeader().getKeyID());
        assertThat(key).as("a published key with the token's kid").isNotNull();
        assertThat(key.isPrivate()).as("the JWKS holds public keys only").isFalse();
        assertThat(jwt.verify(new RSASSAVerifier(key.toRSAPublicKey()))).as("signature").isTrue();
        return jwt;
    }
}
