package dev.computestudio.domain;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A token the managed-identity endpoint gave, as a job received it, decoded: the response's
 * fields, the JWT's header and claims, and whether its signature checked out against the
 * published keys, the best known entries first. The token itself is not kept: what a person
 * needs to see is what it says.
 *
 * @param endpoint the URL asked, without the secret (which travels in a header)
 * @param jwksUrl  where the public keys were read to verify the signature
 */
public record IssuedToken(String endpoint, String resource, String tokenType, long expiresIn, Instant expiresOn,
                          Map<String, Object> header, Map<String, Object> claims, boolean signatureVerified,
                          String jwksUrl) {

    public IssuedToken {
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(expiresOn, "expiresOn");
        header = Collections.unmodifiableMap(new LinkedHashMap<>(header));
        claims = Collections.unmodifiableMap(new LinkedHashMap<>(claims));
    }
}
