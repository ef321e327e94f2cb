package dev.computestudio.infra.persistence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.computestudio.domain.Message;

import java.util.ArrayList;
import java.util.List;

/**
 * {@link Message}s as columns hold them: the code, and the arguments as a JSON array that keeps
 * what each argument is (a number stays a number, a nested text and an enum value stay what they
 * are), so a text reads back in any language as it was written.
 *
 * <p>A text stored before texts had codes is only its English sentence; it reads back as
 * {@value #RECORDED}, which shows that sentence as it is in every language.
 */
final class StoredMessages {

    /** The code of a sentence written before texts had codes: its pattern is the sentence itself. */
    static final String RECORDED = "text.recorded";

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** Enums are read back only from the domain: a stored class name must not load anything else. */
    private static final String DOMAIN_PACKAGE = "dev.computestudio.domain.";

    private StoredMessages() {
    }

    /** A sentence stored before texts had codes. */
    static Message recorded(String english) {
        return Message.of(RECORDED, english);
    }

    /** The arguments as JSON, or null when there are none (most engine texts): nothing to write or parse. */
    static String arguments(Message message) {
        if (message.arguments().isEmpty()) {
            return null;
        }
        return write(arguments(message.arguments()));
    }

    /** The text of a code and its stored arguments (null for none). */
    static Message read(String code, String arguments) {
        if (arguments == null) {
            return Message.of(code);
        }
        return new Message(code, values(parse(arguments)));
    }

    /** A text as one JSON object: {@code {"code": ..., "args": [...]}}, the arguments left out when none. */
    static ObjectNode tree(Message message) {
        ObjectNode node = NODES.objectNode().put("code", message.code());
        if (!message.arguments().isEmpty()) {
            node.set("args", arguments(message.arguments()));
        }
        return node;
    }

    static Message fromTree(JsonNode node) {
        JsonNode arguments = node.get("args");
        return new Message(node.get("code").asText(), arguments == null ? List.of() : values(arguments));
    }

    static String write(JsonNode tree) {
        try {
            return MAPPER.writeValueAsString(tree);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot store a text as JSON", e);
        }
    }

    static JsonNode parse(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored text cannot be read: " + json, e);
        }
    }

    private static ArrayNode arguments(List<Object> arguments) {
        ArrayNode array = NODES.arrayNode(arguments.size());
        for (Object argument : arguments) {
            array.add(argument(argument));
        }
        return array;
    }

    private static JsonNode argument(Object value) {
        if (value == null) {
            return NODES.nullNode();
        }
        if (value instanceof String text) {
            return NODES.textNode(text);
        }
        if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return NODES.numberNode(((Number) value).intValue());
        }
        if (value instanceof Long number) {
            return NODES.numberNode(number);
        }
        if (value instanceof Boolean flag) {
            return NODES.booleanNode(flag);
        }
        if (value instanceof Message nested) {
            return tree(nested);
        }
        if (value instanceof Enum<?> constant) {
            return NODES.objectNode().put("enum", constant.getDeclaringClass().getName()).put("name", constant.name());
        }
        throw new IllegalArgumentException("a text argument of type " + value.getClass().getName()
                + " cannot be stored; use a String, a whole number, an enum or a Message");
    }

    private static List<Object> values(JsonNode array) {
        List<Object> values = new ArrayList<>(array.size());
        array.forEach(node -> values.add(value(node)));
        return values;
    }

    private static Object value(JsonNode node) {
        if (node.isNull()) {
            return null;
        }
        if (node.isTextual()) {
            return node.asText();
        }
        if (node.isIntegralNumber()) {
            return node.canConvertToInt() ? (Object) node.intValue() : (Object) node.longValue();
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.has("enum")) {
            return constant(node.get("enum").asText(), node.get("name").asText());
        }
        return fromTree(node);
    }

    /** The enum value, or its name when this version no longer has it. */
    private static Object constant(String type, String name) {
        if (!type.startsWith(DOMAIN_PACKAGE)) {
            return name;
        }
        try {
            Class<?> found = Class.forName(type, false, StoredMessages.class.getClassLoader());
            if (!found.isEnum()) {
                return name;
            }
            for (Object constant : found.getEnumConstants()) {
                if (((Enum<?>) constant).name().equals(name)) {
                    return constant;
                }
            }
            return name;
        } catch (ClassNotFoundException e) {
            return name;
        }
    }
}
