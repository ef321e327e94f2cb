package dev.computestudio.service;

import dev.computestudio.domain.Message;
import dev.computestudio.domain.Problems;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Iterator;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The rules a job's code folder and local inputs meet before they are copied into the job's
 * folder, so that a copy never starts that cannot end well: a link to a file outside the folder
 * (a job in a container would read the host's file through the copy), a pipe or a device (a copy
 * would block or never end), a file that cannot be read, or code larger than the cloud's snapshot
 * limit.
 */
final class LocalSources {

    /** The cloud's snapshot limits for a job's code: 300 MB or 2000 files. */
    static final long MAX_CODE_BYTES = 300L * 1024 * 1024;
    static final int MAX_CODE_FILES = 2000;

    private LocalSources() {
    }

    /** The path of a spec's text, or empty with a problem when the text cannot be a path here. */
    static Optional<Path> path(String field, String text, Problems problems) {
        try {
            return Optional.of(Path.of(text));
        } catch (InvalidPathException e) {
            problems.add(field, "local-path", Message.of("invalid.path.not-local", text.replace("\0", "\\0")));
            return Optional.empty();
        }
    }

    /** A code folder: every entry inside it, and at most the snapshot limits. */
    static void checkCode(String field, Path folder, Problems problems) {
        check(field, folder, true, problems);
    }

    /** A file or folder input: every entry inside it; inputs have no size limit, as a datastore has none. */
    static void checkInput(String field, Path path, Problems problems) {
        check(field, path, false, problems);
    }

    private static void check(String field, Path root, boolean limited, Problems problems) {
        Path realRoot;
        try {
            realRoot = root.toRealPath();
        } catch (IOException e) {
            problems.add(field, "readable", Message.of("invalid.file.unreadable", root.toString(), e.getMessage()));
            return;
        }
        long bytes = 0;
        int files = 0;
        // The folder named may itself be a link (a user's choice); what counts is what is inside it.
        try (Stream<Path> tree = Files.walk(realRoot)) {
            Iterator<Path> entries = tree.iterator();
            while (entries.hasNext()) {
                Path entry = entries.next();
                BasicFileAttributes attributes = Files.readAttributes(entry, BasicFileAttributes.class,
                        LinkOption.NOFOLLOW_LINKS);
                Optional<String> broken = brokenRule(entry, attributes, realRoot);
                if (broken.isPresent()) {
                    problems.add(field, broken.get(), describe(broken.get(), root, entry));
                    return;
                }
                if (!attributes.isDirectory()) {
                    files++;
                    bytes += Files.size(entry);
                }
                if (limited && (files > MAX_CODE_FILES || bytes > MAX_CODE_BYTES)) {
                    problems.add(field, "max-size", Message.of("invalid.code.too-large", root.toString(),
                            MAX_CODE_FILES, MAX_CODE_BYTES / (1024 * 1024)));
                    return;
                }
            }
        } catch (IOException | UncheckedIOException e) {
            problems.add(field, "readable",
                    Message.of("invalid.source.partly-unreadable", root.toString(), e.getMessage()));
        }
    }

    /** The rule an entry breaks, if any. */
    private static Optional<String> brokenRule(Path entry, BasicFileAttributes attributes, Path realRoot)
            throws IOException {
        if (attributes.isSymbolicLink()) {
            if (!Files.exists(entry)) {
                return Optional.of("broken-link");
            }
            return entry.toRealPath().startsWith(realRoot) ? Optional.empty() : Optional.of("link-outside");
        }
        if (!attributes.isDirectory() && !attributes.isRegularFile()) {
            return Optional.of("special-file");
        }
        return Files.isReadable(entry) ? Optional.empty() : Optional.of("readable");
    }

    private static Message describe(String rule, Path root, Path entry) {
        String where = entry.toString();
        return switch (rule) {
            case "broken-link" -> Message.of("invalid.source.broken-link", where);
            case "link-outside" -> Message.of("invalid.source.link-outside", where, root.toString());
            case "special-file" -> Message.of("invalid.source.special-file", where);
            default -> Message.of("invalid.source.unreadable", where);
        };
    }
}
