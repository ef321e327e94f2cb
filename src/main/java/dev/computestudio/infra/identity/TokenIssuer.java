package dev.computestudio.infra.identity;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.computestudio.domain.ManagedIdentity;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;

/**
 * Signs access tokens for managed identities: RS256 JWTs shaped like the v1 tokens the cloud
 * gives a managed identity, with the key id in the header so verifiers pick the right public key.
 */
final class TokenIssuer {

    static final Duration LIFETIME = Duration.ofHours(1);

    private final RSAKey key;
    private final RSASSASigner signer;
    private final SecureRandom random = new SecureRandom();

    TokenIssuer(RSAKey key) {
        this.key = key;
        try {
            this.signer = new RSASSASigner(key);
        } catch (JOSEException e) {
            throw new IllegalStateException("the token-signing key cannot sign: " + e.getMessage(), e);
        }
    }

    static String issuerFor(String tenantId) {
        return "https://sts.windows.net/" + tenantId + "/";
    }

    /** A signed token for {@code identity} with audience {@code resource}, valid from {@code now} for an hour. */
    String sign(ManagedIdentity identity, String resource, Instant now) {
        Instant issued = Instant.ofEpochSecond(now.getEpochSecond());
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .audience(resource)
                .issuer(issuerFor(identity.tenantId()))
                .issueTime(Date.from(issued))
                .notBeforeTime(Date.from(issued))
                .expirationTime(Date.from(issued.plus(LIFETIME)))
                .claim("appid", identity.clientId())
                // 2: the client authenticated with a certificate, as a managed identity does.
                .claim("appidacr", "2")
                .claim("idp", issuerFor(identity.tenantId()))
                .claim("oid", identity.principalId())
                .subject(identity.principalId())
                .claim("tid", identity.tenantId())
                .claim("uti", uniqueTokenId())
                .claim("ver", "1.0")
                .claim("xms_mirid", identity.resourceId())
                .build();
        JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.RS256).type(JOSEObjectType.JWT).keyID(key.getKeyID())
                .build();
        SignedJWT jwt = new SignedJWT(header, claims);
        try {
            jwt.sign(signer);
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign a token: " + e.getMessage(), e);
        }
        return jwt.serialize();
    }

    /** The public half, as the JWKS document anything can verify tokens with. */
    JWKSet publicKeys() {
        return new JWKSet(key.toPublicJWK());
    }

    String keyId() {
        return key.getKeyID();
    }

    private String uniqueTokenId() {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
