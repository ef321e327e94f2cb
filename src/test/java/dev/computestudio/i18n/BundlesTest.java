package dev.computestudio.i18n;

import dev.computestudio.domain.AllocationState;
import dev.computestudio.domain.IdentityType;
import dev.computestudio.domain.JobStatus;
import dev.computestudio.domain.LockLevel;
import dev.computestudio.domain.MessageFormatter;
import dev.computestudio.domain.NodeState;
import dev.computestudio.domain.ProvisioningState;
import dev.computestudio.domain.VmTier;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The studio's and the domain's texts exist in both languages, and every code the product uses
 * has a text: a key missing from one bundle, or a code without a text, is a screen or a refusal
 * that shows a raw key or falls back to English.
 */
class BundlesTest {

    private static final Locale PORTUGUESE = Locale.forLanguageTag("pt-BR");
    private static final Path MAIN_SOURCES = Path.of("src/main/java");
    // Message.of("code", ...) and Message.of(  "code" on the next line.
    private static final Pattern CODE_USE = Pattern.compile("Message\\.of\\(\\s*\"([^\"]+)\"");
    private static final Pattern ARGUMENT = Pattern.compile("\\{(\\d+)");

    @Test
    void everyKeyExistsInBothLanguages() throws IOException {
        for (String bundle : List.of("messages", "domain")) {
            Set<String> english = keys(bundle, "");
            Set<String> portuguese = keys(bundle, "_pt_BR");
            // Language names are written in their own language, once, in the base file.
            english.removeIf(key -> key.startsWith("language."));

            assertThat(difference(english, portuguese)).as(bundle + ": keys only in English").isEmpty();
            assertThat(difference(portuguese, english)).as(bundle + ": keys only in Brazilian Portuguese").isEmpty();
        }
    }

    @Test
    void noKeyIsWrittenTwiceInABundleFile() throws IOException {
        for (String file : List.of("messages", "messages_pt_BR", "domain", "domain_pt_BR")) {
            Set<String> seen = new HashSet<>();
            List<String> twice = new ArrayList<>();
            for (String key : keysInOrder(file)) {
                if (!seen.add(key)) {
                    twice.add(key);
                }
            }
            assertThat(twice).as(file + ": keys written more than once (the later one wins silently)").isEmpty();
        }
    }

    @Test
    void everyTranslationTakesTheSameArgumentsAsTheEnglishText() throws IOException {
        for (String bundle : List.of("messages", "domain")) {
            Properties english = load(bundle, "");
            Properties portuguese = load(bundle, "_pt_BR");
            Map<String, String> mismatches = new TreeMap<>();
            for (String key : english.stringPropertyNames()) {
                String translated = portuguese.getProperty(key);
                if (translated != null && !arguments(english.getProperty(key)).equals(arguments(translated))) {
                    mismatches.put(key, english.getProperty(key) + " | " + translated);
                }
            }
            assertThat(mismatches).as(bundle + ": texts whose translation drops or adds an argument").isEmpty();
        }
    }

    @Test
    void everyDomainTextIsAValidPatternInBothLanguages() throws IOException {
        for (String suffix : List.of("", "_pt_BR")) {
            Properties texts = load("domain", suffix);
            Map<String, String> broken = new TreeMap<>();
            for (String key : texts.stringPropertyNames()) {
                try {
                    new MessageFormat(texts.getProperty(key));
                } catch (IllegalArgumentException e) {
                    broken.put(key, e.getMessage());
                }
            }
            assertThat(broken).as("domain" + suffix + ": patterns MessageFormat cannot read").isEmpty();
        }
    }

    @Test
    void everyCodeTheProductUsesHasAText() throws IOException {
        Set<String> texts = new HashSet<>(keys("domain", ""));
        texts.addAll(keys("messages", ""));
        Map<String, String> missing = new TreeMap<>();
        try (Stream<Path> sources = Files.walk(MAIN_SOURCES)) {
            for (Path source : sources.filter(path -> path.toString().endsWith(".java")).toList()) {
                Matcher use = CODE_USE.matcher(Files.readString(source));
                while (use.find()) {
                    if (!texts.contains(use.group(1))) {
                        missing.put(use.group(1), MAIN_SOURCES.relativize(source).toString());
                    }
                }
            }
        }
        assertThat(missing).as("codes used in the product without a text in i18n/domain or i18n/messages").isEmpty();
    }

    @Test
    void everyStateAndChoiceShownToUsersHasADisplayNameInBothLanguages() {
        List<Class<? extends Enum<?>>> shown = List.of(ProvisioningState.class, AllocationState.class,
                NodeState.class, JobStatus.class, VmTier.class, LockLevel.class, IdentityType.class);
        MessageFormatter english = MessageFormatter.ENGLISH;
        MessageFormatter portuguese = new MessageFormatter(PORTUGUESE);
        Set<String> missing = new TreeSet<>();
        for (Class<? extends Enum<?>> type : shown) {
            for (Enum<?> value : type.getEnumConstants()) {
                String key = MessageFormatter.displayKey(value);
                if (!english.hasText(key) || !portuguese.hasText(key)) {
                    missing.add(key);
                }
            }
        }
        assertThat(missing).as("display names missing from i18n/domain").isEmpty();
        assertThat(portuguese.displayName(JobStatus.COMPLETED)).isNotEqualTo(english.displayName(JobStatus.COMPLETED));
    }

    private static Set<String> arguments(String pattern) {
        Set<String> found = new TreeSet<>();
        Matcher argument = ARGUMENT.matcher(pattern);
        while (argument.find()) {
            found.add(argument.group(1));
        }
        return found;
    }

    private static Set<String> difference(Set<String> of, Set<String> without) {
        Set<String> left = new TreeSet<>(of);
        left.removeAll(without);
        return left;
    }

    private static Set<String> keys(String bundle, String suffix) throws IOException {
        return new HashSet<>(load(bundle, suffix).stringPropertyNames());
    }

    private static Properties load(String bundle, String suffix) throws IOException {
        try (InputStream in = BundlesTest.class.getResourceAsStream("/i18n/" + bundle + suffix + ".properties")) {
            Properties properties = new Properties();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return properties;
        }
    }

    /** Keys as written, in order, duplicates kept: {@link Properties} would keep only the last. */
    private static List<String> keysInOrder(String file) throws IOException {
        List<String> keys = new ArrayList<>();
        try (InputStream in = BundlesTest.class.getResourceAsStream("/i18n/" + file + ".properties");
             BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            boolean continued = false;
            while ((line = reader.readLine()) != null) {
                String trimmed = line.strip();
                boolean startsEntry = !continued && !trimmed.isEmpty() && !trimmed.startsWith("#")
                        && !trimmed.startsWith("!");
                if (startsEntry) {
                    keys.add(trimmed.split("\\s*[=:]", 2)[0].strip());
                }
                continued = line.endsWith("\\") && !line.endsWith("\\\\");
            }
        }
        return keys;
    }
}
