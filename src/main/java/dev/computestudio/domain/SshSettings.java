package dev.computestudio.domain;

/**
 * SSH access to a cluster's nodes; off by default, and fixed once the cluster exists.
 * {@link #toString()} hides the password so it never reaches a log.
 */
public record SshSettings(boolean publicAccessEnabled, String adminUsername, String adminPassword,
                          String sshKeyValue) {

    public static final SshSettings DISABLED = new SshSettings(false, null, null, null);

    public boolean hasCredentials() {
        return notBlank(adminPassword) || notBlank(sshKeyValue);
    }

    /** Admin account settings given at all (SSH may be configured without public access). */
    public boolean isConfigured() {
        return publicAccessEnabled || notBlank(adminUsername) || hasCredentials();
    }

    static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }

    @Override
    public String toString() {
        return "SshSettings[publicAccessEnabled=" + publicAccessEnabled + ", adminUsername=" + adminUsername
                + ", adminPassword=" + (notBlank(adminPassword) ? "***" : "") + ", sshKeyValue="
                + (notBlank(sshKeyValue) ? "(set)" : "") + "]";
    }
}
