package dev.computestudio.ui.identity;

import java.util.List;

/** A user-assigned identity as the panel lists it, with the clusters that use it. */
public record IdentityRow(String name, String resourceId, String clientId, String principalId, List<String> usedBy) {

    public IdentityRow {
        usedBy = List.copyOf(usedBy);
    }

    /** The clusters that use it, or a dash when none does. */
    public String usedByText() {
        return usedBy.isEmpty() ? "—" : String.join(", ", usedBy);
    }
}
