package dev.computestudio.ui.identity;

/**
 * One entry of a decoded token: from its header or its payload, with its value as text (times
 * also as a date). What the claim means comes from {@link IdentityViewModel#claimDescription}.
 */
public record ClaimRow(Part part, String name, String value) {

    /** Where in the token the entry is. */
    public enum Part { HEADER, PAYLOAD }
}
