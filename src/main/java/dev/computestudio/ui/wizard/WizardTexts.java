package dev.computestudio.ui.wizard;

import dev.computestudio.domain.Message;
import dev.computestudio.ui.common.Messages;
import dev.computestudio.ui.common.Subscriptions;
import javafx.beans.Observable;
import javafx.beans.binding.Binding;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;

import java.util.Arrays;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The wizard's texts in the user's language. What it binds follows the language until the wizard
 * closes; then {@link Subscriptions#close()} lets go of the app's language, so a closed wizard is
 * neither kept alive nor re-rendered by it.
 */
final class WizardTexts {

    private final Messages messages;
    private final Subscriptions subscriptions;

    WizardTexts(Messages messages, Subscriptions subscriptions) {
        this.messages = Objects.requireNonNull(messages, "messages");
        this.subscriptions = Objects.requireNonNull(subscriptions, "subscriptions");
    }

    /** A price per hour, always with the same precision, in the language's own number format. */
    static Message price(double perHour) {
        return Message.of("wizard.price.value", perHour);
    }

    String format(Message message) {
        return messages.format(message);
    }

    String format(String key, Object... arguments) {
        return messages.format(Message.of(key, arguments));
    }

    String display(Enum<?> value) {
        return messages.display(value);
    }

    /** A text that follows the language and the given inputs. */
    StringBinding bind(Supplier<String> text, Observable... inputs) {
        Observable[] dependencies = Arrays.copyOf(inputs, inputs.length + 1);
        dependencies[inputs.length] = messages.bundleProperty();
        return subscriptions.add(Bindings.createStringBinding(text::get, dependencies));
    }

    /** A binding that follows the language (made by the studio's kernel), let go when the wizard closes. */
    <B extends Binding<?>> B own(B binding) {
        return subscriptions.add(binding);
    }

    /** Runs {@code render} again after each change of language. */
    void onLanguageChange(Runnable render) {
        subscriptions.add(messages.bundleProperty(), (observable, old, now) -> render.run());
    }

    Messages messages() {
        return messages;
    }
}
