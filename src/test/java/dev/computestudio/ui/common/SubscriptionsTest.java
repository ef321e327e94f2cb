package dev.computestudio.ui.common;

import javafx.beans.InvalidationListener;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.value.ChangeListener;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SubscriptionsTest {

    @Test
    void closingRemovesEveryListenerAndUnbindsEveryBindingFromTheLongerLivedProperty() {
        CountedProperty appWide = new CountedProperty("en");
        List<String> heard = new ArrayList<>();
        Subscriptions subscriptions = new Subscriptions();
        subscriptions.add(appWide, observable -> heard.add("invalidated"));
        subscriptions.add(appWide, (observable, old, now) -> heard.add(now));
        StringBinding shown = subscriptions.add(Bindings.createStringBinding(() -> "text in " + appWide.get(), appWide));
        assertThat(shown.get()).isEqualTo("text in en");
        assertThat(appWide.listeners).isEqualTo(3);

        appWide.set("pt-BR");
        assertThat(heard).containsExactly("invalidated", "pt-BR");
        assertThat(shown.get()).isEqualTo("text in pt-BR");

        subscriptions.close();
        appWide.set("en");

        assertThat(appWide.listeners).isZero();
        assertThat(heard).as("nothing heard after close").containsExactly("invalidated", "pt-BR");
        assertThat(shown.get()).as("no longer follows").isEqualTo("text in pt-BR");
    }

    /** A property that counts who listens to it. */
    private static final class CountedProperty extends SimpleStringProperty {

        int listeners;

        CountedProperty(String value) {
            super(value);
        }

        @Override
        public void addListener(InvalidationListener listener) {
            listeners++;
            super.addListener(listener);
        }

        @Override
        public void removeListener(InvalidationListener listener) {
            listeners--;
            super.removeListener(listener);
        }

        @Override
        public void addListener(ChangeListener<? super String> listener) {
            listeners++;
            super.addListener(listener);
        }

        @Override
        public void removeListener(ChangeListener<? super String> listener) {
            listeners--;
            super.removeListener(listener);
        }
    }
}
