package dev.computestudio.service;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

/**
 * Every code the services, the engine, the stores and the timeline give a text has its pattern in
 * English and in Brazilian Portuguese, and each pattern is one MessageFormat can read: a code
 * without a text would show the user the code itself.
 */
class CodedTextsTest {

    private static final Path SOURCES = Path.of("src/main/java/dev/computestudio");
    private static final List<Path> AREAS = List.of(SOURCES.resolve("service"), SOURCES.resolve("engine"),
            SOURCES.resolve("infra/persistence"), SOURCES.resolve("infra/identity"),
            SOURCES.resolve("cli/TimelineOutput.java"));
    /** "Cluster {0}: {1}." reads the same in Portuguese. */
    private static final Set<String> SAME_IN_BOTH = Set.of("marker.cluster.other");
    private static final Pattern CODE = Pattern.compile("\"((?:reason|note|error|marker|conflict|notfound|invalid"
            + "|action|lock\\.effect|label|text)\\.[a-z0-9.-]+)\"");

    @Test
    void everyCodeHasItsTextInEnglishAndInBrazilianPortuguese() throws IOException {
        Set<String> codes = codesInSources();
        Properties english = bundle("/i18n/domain.properties");
        Properties portuguese = bundle("/i18n/domain_pt_BR.properties");

        assertThat(codes).as("codes found in the sources").hasSizeGreaterThan(100);
        assertThat(english.stringPropertyNames()).containsAll(codes);
        assertThat(portuguese.stringPropertyNames()).containsAll(codes);
        for (String code : codes) {
            assertThatCode(() -> new MessageFormat(english.getProperty(code))).as(code).doesNotThrowAnyException();
            assertThatCode(() -> new MessageFormat(portuguese.getProperty(code))).as(code)
                    .doesNotThrowAnyException();
        }
    }

    @Test
    void theUsersLanguageGetsItsOwnWordsWhereThereAreWordsToTranslate() throws IOException {
        Properties english = bundle("/i18n/domain.properties");
        Properties portuguese = bundle("/i18n/domain_pt_BR.properties");

        for (String code : codesInSources()) {
            String text = english.getProperty(code);
            // Patterns of arguments only stay as they are, and so does a product term with its arguments.
            boolean words = text.replaceAll("\\{\\d+}", "").replaceAll("[^A-Za-z]", "").length() > 6
                    && !SAME_IN_BOTH.contains(code);
            if (words) {
                assertThat(portuguese.getProperty(code)).as(code).isNotEqualTo(text);
            }
        }
    }

    private static Set<String> codesInSources() throws IOException {
        Set<String> codes = new TreeSet<>();
        for (Path area : AREAS) {
            try (Stream<Path> files = Files.walk(area)) {
                for (Path file : files.filter(path -> path.toString().endsWith(".java")).toList()) {
                    Matcher found = CODE.matcher(Files.readString(file));
                    while (found.find()) {
                        codes.add(found.group(1));
                    }
                }
            }
        }
        return codes;
    }

    private static Properties bundle(String resource) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = CodedTextsTest.class.getResourceAsStream(resource)) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
