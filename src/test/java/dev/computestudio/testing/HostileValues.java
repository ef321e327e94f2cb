package dev.computestudio.testing;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;

import java.util.List;

/** Text a careless or hostile user may type or put in a file, for property tests of bad input. */
public final class HostileValues {

    /** Spelled out so that every run tries them, whatever the random generators pick. */
    public static final List<String> EXPLICIT = List.of(
            "", " ", "\t", "a", "ab", "abc", "-abc", "abc-", "abc-1", "a".repeat(24), "a".repeat(25), "a".repeat(256),
            "x;touch /tmp/pwned", "$(touch /tmp/pwned)", "`touch /tmp/pwned`", "a|b", "a&b", "a && b", "a\nb",
            "a\r\nb", "'quoted'", "\"quoted\"", "a\\b", "../../etc", "/etc/passwd", "./.", "..", "C:\\Windows",
            "\0", "a\0b", "\uD800", "\uDC00x", "\u202Eevil", "ﬁ", "İstanbul", "😀", "名前", "null", "~", "true",
            "0", "-1", "1e999999999", "NaN", "Infinity", "0x10", "${{inputs.x}}", "${HOME}", "%s%n", "<script>",
            "{a: 1}", "[1, 2]", "*alias", "&anchor", "!!binary", "key: value", "# comment", "---", "...");

    private HostileValues() {
    }

    /** Any text: the explicit list, near-valid names, names with one hostile part, and arbitrary Unicode. */
    public static Arbitrary<String> text() {
        Arbitrary<String> nearValid = Arbitraries.strings().withCharRange('a', 'z').withCharRange('A', 'Z')
                .numeric().withChars('-', '_', '.').ofMinLength(0).ofMaxLength(40);
        Arbitrary<String> spliced = nearValid.flatMap(base -> Arbitraries.of(EXPLICIT).map(part -> base + part));
        Arbitrary<String> anything = Arbitraries.strings().all().ofMaxLength(60);
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(3, Arbitraries.of(EXPLICIT)),
                net.jqwik.api.Tuple.of(4, nearValid),
                net.jqwik.api.Tuple.of(3, spliced),
                net.jqwik.api.Tuple.of(3, anything));
    }

    /** Like {@link #text()}, or null. */
    public static Arbitrary<String> textOrNull() {
        return text().injectNull(0.15);
    }

    /** Whole numbers around the edges that matter (0, 1, negative, the largest). */
    public static Arbitrary<Integer> count() {
        return Arbitraries.oneOf(Arbitraries.integers().between(-3, 12),
                Arbitraries.of(Integer.MIN_VALUE, Integer.MAX_VALUE, 100, 101, 1000));
    }
}
