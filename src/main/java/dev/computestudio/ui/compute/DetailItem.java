package dev.computestudio.ui.compute;

import java.util.Objects;

/** One line of a cluster's properties: the message key of its name and its value, ready to show. */
public record DetailItem(String labelKey, String value) {

    public DetailItem {
        Objects.requireNonNull(labelKey, "labelKey");
        Objects.requireNonNull(value, "value");
    }
}
