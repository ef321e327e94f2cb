package dev.computestudio.demo;

import java.util.Locale;
import java.util.Map;

/** A text of a scenario in each language it was written in, keyed by language tag ("en", "pt-BR"). */
public record Text(Map<String, String> byLanguage) {

    public static final Text NONE = new Text(Map.of());

    public Text {
        byLanguage = Map.copyOf(byLanguage);
    }

    /** The text in the language asked for, else its language without the country, else English. */
    public String in(Locale language) {
        String exact = byLanguage.get(language.toLanguageTag());
        if (exact != null) {
            return exact;
        }
        String bare = byLanguage.get(language.getLanguage());
        if (bare != null) {
            return bare;
        }
        return byLanguage.getOrDefault("en", "");
    }

    public boolean isEmpty() {
        return byLanguage.isEmpty();
    }
}
