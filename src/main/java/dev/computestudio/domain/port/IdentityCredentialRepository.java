package dev.computestudio.domain.port;

import dev.computestudio.domain.IdentityCredential;

import java.util.Optional;

/** The hashes of the secrets the managed-identity endpoint gave out, and to whom. */
public interface IdentityCredentialRepository {

    /** Stores a credential; a node's replaces whatever that node held before (one attempt at a time). */
    void issue(IdentityCredential credential);

    Optional<IdentityCredential> findBySecretHash(String secretHash);

    void revoke(String secretHash);
}
