package dev.computestudio.domain;

import java.util.Locale;

/**
 * The cloud spells the same value several ways ("low_priority", "LowPriority", "lowpriority");
 * comparing their keys accepts them all.
 */
final class Spellings {

    private Spellings() {
    }

    /** Lower case, without '_' or '-': the form two spellings of one value share. */
    static String key(String text) {
        return text.trim().toLowerCase(Locale.ROOT).replace("_", "").replace("-", "");
    }
}
