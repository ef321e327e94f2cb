package dev.computestudio.demo;

import dev.computestudio.domain.AllocationState;
import dev.computestudio.domain.JobStatus;
import dev.computestudio.domain.LockLevel;
import dev.computestudio.domain.Message;
import dev.computestudio.domain.MessageFormatter;
import dev.computestudio.domain.NodeState;
import dev.computestudio.domain.VmTier;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * The runner's words (step results, checks, clean-up) as the command line prints them: texts by
 * code from the studio's bundles' demo section, in the language asked for, with states and choices
 * by the cloud's own names (Running, idle, CanNotDelete), as {@code demo run} has always printed
 * them. The studio words the same codes through its own texts instead.
 */
final class DemoTexts {

    private final ResourceBundle bundle;
    private final MessageFormatter domain;
    private final Locale language;

    DemoTexts(Locale language) {
        this.language = language;
        this.bundle = ResourceBundle.getBundle("i18n.messages", language,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        this.domain = new MessageFormatter(language);
    }

    String format(Message text) {
        if (!bundle.containsKey(text.code())) {
            return domain.format(text);
        }
        String pattern = bundle.getString(text.code());
        Object[] arguments = text.arguments().stream().map(this::argument).toArray();
        return arguments.length == 0 ? pattern : new MessageFormat(pattern, language).format(arguments);
    }

    List<String> format(List<Message> texts) {
        return texts.stream().map(this::format).toList();
    }

    private Object argument(Object value) {
        if (value instanceof Message nested) {
            return format(nested);
        }
        return value instanceof Enum<?> constant ? cloudName(constant) : value;
    }

    private static String cloudName(Enum<?> value) {
        if (value instanceof NodeState state) {
            return state.restName();
        }
        if (value instanceof JobStatus status) {
            return status.restName();
        }
        if (value instanceof AllocationState state) {
            return state.restName();
        }
        if (value instanceof LockLevel level) {
            return level.restName();
        }
        if (value instanceof VmTier tier) {
            return tier.yamlName();
        }
        return value.name();
    }
}
