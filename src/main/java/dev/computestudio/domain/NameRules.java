package dev.computestudio.domain;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The cloud's naming rules for workspaces and compute, checked piece by piece so that each
 * broken part gets its own sentence instead of one opaque regular expression.
 */
public final class NameRules {

    private static final Pattern COMPUTE_CHARS = Pattern.compile("[a-zA-Z0-9-]*");
    private static final Pattern ENDS_WITH_DASH_DIGITS = Pattern.compile(".*-\\d+");
    private static final Pattern WORKSPACE_CHARS = Pattern.compile("[a-zA-Z0-9_-]*");

    private NameRules() {
    }

    /** Compute names: 3-24 characters, a letter first, letters, digits and '-', not ending in '-digits'. */
    public static List<Problem> checkComputeName(String field, String name) {
        Problems problems = new Problems();
        if (name == null || name.isBlank()) {
            return problems.add(field, "required", Message.of("invalid.name.required")).list();
        }
        if (name.length() < 3 || name.length() > 24) {
            problems.add(field, "length", Message.of("invalid.name.length", 3, 24, name.length()));
        }
        if (!isAsciiLetter(name.charAt(0))) {
            problems.add(field, "first-character", Message.of("invalid.name.first-letter"));
        }
        if (!COMPUTE_CHARS.matcher(name).matches()) {
            problems.add(field, "characters", Message.of("invalid.name.compute-characters"));
        }
        if (ENDS_WITH_DASH_DIGITS.matcher(name).matches()) {
            problems.add(field, "suffix", Message.of("invalid.name.compute-suffix"));
        }
        return problems.list();
    }

    /** Workspace names: 3-33 characters, a letter or digit first, then letters, digits, '_' and '-'. */
    public static List<Problem> checkWorkspaceName(String field, String name) {
        Problems problems = new Problems();
        if (name == null || name.isBlank()) {
            return problems.add(field, "required", Message.of("invalid.name.required")).list();
        }
        if (name.length() < 3 || name.length() > 33) {
            problems.add(field, "length", Message.of("invalid.name.length", 3, 33, name.length()));
        }
        char first = name.charAt(0);
        if (!isAsciiLetter(first) && !(first >= '0' && first <= '9')) {
            problems.add(field, "first-character", Message.of("invalid.name.first-letter-or-digit"));
        }
        if (!WORKSPACE_CHARS.matcher(name).matches()) {
            problems.add(field, "characters", Message.of("invalid.name.workspace-characters"));
        }
        return problems.list();
    }

    private static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }
}
