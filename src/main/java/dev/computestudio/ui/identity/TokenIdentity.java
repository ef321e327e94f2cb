package dev.computestudio.ui.identity;

/**
 * Which identity "try it" asks for: the cluster's default (no client id, as a job that passes
 * none) or one by client id, which the endpoint refuses when the cluster does not have it.
 *
 * @param name     the identity's name; null for the default
 * @param clientId null for the default
 */
public record TokenIdentity(String name, String clientId) {

    public static final TokenIdentity DEFAULT = new TokenIdentity(null, null);

    public boolean isDefault() {
        return clientId == null;
    }
}
