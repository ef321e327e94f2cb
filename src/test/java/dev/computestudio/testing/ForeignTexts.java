package dev.computestudio.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recognises a text of one language's bundles on a screen that should speak the other: each
 * bundle text that differs between the two languages becomes a pattern (its arguments as
 * wildcards), and a visible text matching it, and not its translation, is reported with its key.
 */
public final class ForeignTexts {

    private static final Pattern ARGUMENT = Pattern.compile("\\{[^}]*}");
    // Texts this short or made only of arguments match too much user data to say anything.
    private static final int MIN_LITERAL_LETTERS = 3;

    private record Text(String key, Pattern foreign, Pattern own) {
    }

    private final List<Text> texts = new ArrayList<>();

    /** Texts of {@code foreignSuffix} ("" English, "_pt_BR") that must not appear on a screen in {@code ownSuffix}. */
    public ForeignTexts(String foreignSuffix, String ownSuffix) {
        for (String bundle : List.of("messages", "domain")) {
            Properties foreign = load(bundle, foreignSuffix);
            Properties own = load(bundle, ownSuffix);
            for (String key : foreign.stringPropertyNames()) {
                String foreignText = unquote(bundle, foreign.getProperty(key));
                String ownText = unquote(bundle, own.getProperty(key, ""));
                if (!foreignText.equals(ownText) && letters(ARGUMENT.matcher(foreignText).replaceAll("")) >= MIN_LITERAL_LETTERS) {
                    texts.add(new Text(key, toPattern(foreignText), toPattern(ownText)));
                }
            }
        }
    }

    /** The key of the foreign text {@code shown} is, if it is one. */
    public Optional<String> keyOf(String shown) {
        String text = shown.strip();
        if (text.isEmpty()) {
            return Optional.empty();
        }
        for (Text candidate : texts) {
            if (candidate.foreign().matcher(text).matches() && !candidate.own().matcher(text).matches()) {
                return Optional.of(candidate.key());
            }
        }
        return Optional.empty();
    }

    private static Pattern toPattern(String text) {
        StringBuilder regex = new StringBuilder();
        Matcher argument = ARGUMENT.matcher(text);
        int from = 0;
        while (argument.find()) {
            regex.append(Pattern.quote(text.substring(from, argument.start()))).append("(?s).*?");
            from = argument.end();
        }
        regex.append(Pattern.quote(text.substring(from)));
        return Pattern.compile(regex.toString(), Pattern.DOTALL);
    }

    // The domain bundle always goes through MessageFormat (quotes doubled); the studio's only with arguments.
    private static String unquote(String bundle, String text) {
        boolean formatted = bundle.equals("domain") || ARGUMENT.matcher(text).find();
        return formatted ? text.replace("''", "'") : text;
    }

    private static int letters(String text) {
        return (int) text.chars().filter(Character::isLetter).count();
    }

    private static Properties load(String bundle, String suffix) {
        try (InputStream in = ForeignTexts.class.getResourceAsStream("/i18n/" + bundle + suffix + ".properties")) {
            Properties properties = new Properties();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return properties;
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the bundle " + bundle + suffix, e);
        }
    }
}
