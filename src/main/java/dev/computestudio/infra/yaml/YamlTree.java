package dev.computestudio.infra.yaml;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import org.yaml.snakeyaml.LoaderOptions;
import dev.computestudio.domain.Message;
import dev.computestudio.domain.Problem;
import dev.computestudio.domain.ValidationException;
import dev.computestudio.domain.port.SpecCodec;
import dev.computestudio.infra.yaml.YamlNode.Entry;
import dev.computestudio.infra.yaml.YamlNode.Kind;
import dev.computestudio.infra.yaml.YamlNode.Mapping;
import dev.computestudio.infra.yaml.YamlNode.Mark;
import dev.computestudio.infra.yaml.YamlNode.Scalar;
import dev.computestudio.infra.yaml.YamlNode.Sequence;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Parses YAML text into a {@link YamlNode} tree with Jackson's streaming parser. A text that is
 * not YAML fails with one problem naming the line and column, never a stack trace; a key given
 * twice is a warning (the last one counts, as in the Python tools that read these files).
 */
final class YamlTree {

    /** The field of problems with the file as a whole. */
    static final String FILE = "file";

    /**
     * The deepest nesting read: the schemas need four levels (inputs.NAME.path), and the tree is
     * built by recursion, so a hostile file of a thousand levels must not reach it.
     */
    static final int MAX_DEPTH = 32;

    private static final YAMLFactory FACTORY = YAMLFactory.builder()
            .loaderOptions(loaderOptions())
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(MAX_DEPTH)
                    .build())
            .build();

    /**
     * SnakeYAML's own limits, set on purpose rather than left to its defaults: no more text than a
     * spec file may hold, no deeper than {@link #MAX_DEPTH}, and no alias expansion (aliases are
     * refused anyway, so a billion-laughs file stops at its first alias).
     */
    private static LoaderOptions loaderOptions() {
        LoaderOptions options = new LoaderOptions();
        options.setCodePointLimit(SpecCodec.MAX_FILE_BYTES);
        options.setNestingDepthLimit(MAX_DEPTH);
        options.setMaxAliasesForCollections(0);
        options.setAllowRecursiveKeys(false);
        return options;
    }

    private final String source;
    private final List<Problem> warnings;
    private final YAMLParser parser;

    private YamlTree(String source, List<Problem> warnings, YAMLParser parser) {
        this.source = source;
        this.warnings = warnings;
        this.parser = parser;
    }

    /**
     * The document's root, or null for an empty document.
     *
     * @param source   the file name, used in messages
     * @param warnings receives keys given twice
     */
    static YamlNode parse(String text, String source, List<Problem> warnings) {
        if (text.length() > SpecCodec.MAX_FILE_BYTES) {
            throw SpecCodec.tooLarge(source);
        }
        try (YAMLParser parser = (YAMLParser) FACTORY.createParser(text)) {
            YamlTree tree = new YamlTree(source, warnings, parser);
            JsonToken first = parser.nextToken();
            if (first == null) {
                return null;
            }
            YamlNode root = tree.node(first);
            if (parser.nextToken() != null) {
                Mark extra = tree.mark();
                throw ValidationException.of(FILE, "one-document",
                        extra.locate(Message.of("invalid.yaml.one-document")));
            }
            return root;
        } catch (StreamConstraintsException e) {
            // The only one of Jackson's limits a text within the size limit can reach: the others are far above it.
            throw ValidationException.of(FILE, "nesting-depth",
                    Message.of("problem.at", source, Message.of("invalid.yaml.nesting-depth", MAX_DEPTH)));
        } catch (JsonProcessingException e) {
            throw syntaxError(source, e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private YamlNode node(JsonToken token) throws IOException {
        Mark mark = mark();
        if (parser.isCurrentAlias()) {
            throw ValidationException.of(FILE, "no-alias",
                    mark.locateColumn(Message.of("invalid.yaml.alias", parser.getText())));
        }
        return switch (token) {
            case START_OBJECT -> mapping(mark);
            case START_ARRAY -> sequence(mark);
            case VALUE_STRING -> new Scalar(parser.getText(), Kind.STRING, mark);
            case VALUE_NUMBER_INT -> new Scalar(parser.getText(), Kind.INTEGER, mark);
            case VALUE_NUMBER_FLOAT -> new Scalar(parser.getText(), Kind.FLOAT, mark);
            case VALUE_TRUE -> new Scalar("true", Kind.BOOLEAN, mark);
            case VALUE_FALSE -> new Scalar("false", Kind.BOOLEAN, mark);
            case VALUE_NULL -> new Scalar(null, Kind.NULL, mark);
            default -> new Scalar(parser.getText(), Kind.STRING, mark);
        };
    }

    private Mapping mapping(Mark mark) throws IOException {
        Mapping mapping = new Mapping(mark);
        JsonToken token;
        while ((token = parser.nextToken()) != JsonToken.END_OBJECT) {
            String key = parser.currentName();
            Mark keyMark = mark();
            YamlNode value = node(parser.nextToken());
            Entry earlier = mapping.entries().put(key, new Entry(key, keyMark, value));
            if (earlier != null) {
                warnings.add(new Problem(key, "duplicate-key", keyMark.locate(
                        Message.of("warning.yaml.duplicate-key", key, earlier.mark().line()))));
            }
        }
        return mapping;
    }

    private Sequence sequence(Mark mark) throws IOException {
        Sequence sequence = new Sequence(mark);
        JsonToken token;
        while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
            sequence.items().add(node(token));
        }
        return sequence;
    }

    private Mark mark() {
        JsonLocation location = parser.currentTokenLocation();
        return new Mark(source, location.getLineNr(), location.getColumnNr());
    }

    /** "cluster.yml, line 2, column 6: mapping values are not allowed here". */
    private static ValidationException syntaxError(String source, JsonProcessingException e) {
        Object where;
        if (e.getCause() instanceof org.yaml.snakeyaml.error.MarkedYAMLException marked
                && marked.getProblemMark() != null) {
            // Where SnakeYAML found the problem; Jackson's location is where its parser stood.
            where = Message.of("where.line-column", source, marked.getProblemMark().getLine() + 1,
                    marked.getProblemMark().getColumn() + 1);
        } else {
            JsonLocation location = e.getLocation();
            where = location == null || location.getLineNr() < 1 ? source
                    : Message.of("where.line-column", source, location.getLineNr(), location.getColumnNr());
        }
        return ValidationException.of(FILE, "yaml-syntax",
                Message.of("problem.at", where, Message.of("invalid.yaml.syntax", reason(e))));
    }

    /** SnakeYAML's problem sentence, without its echo of the line and the caret under it. */
    private static String reason(JsonProcessingException e) {
        if (e.getCause() instanceof org.yaml.snakeyaml.error.MarkedYAMLException marked && marked.getProblem() != null) {
            String context = marked.getContext();
            return marked.getProblem().trim() + (context == null ? "" : " (" + context.trim() + ")");
        }
        String message = e.getOriginalMessage();
        int end = message.indexOf('\n');
        return (end < 0 ? message : message.substring(0, end)).trim();
    }
}
