package dev.computestudio.ui.common;

import javafx.beans.Observable;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.Node;

import java.util.List;

/**
 * A view's subscription to something that outlives it (a shared view model, the shell): held only
 * while the view is in a scene and removed when it leaves, so a closed view is neither kept alive
 * nor updated by what it listened to. On joining a scene the view is brought up to date at once,
 * since it missed every change while away.
 */
public final class WhileShown {

    private WhileShown() {
    }

    /** Runs {@code update} now and whenever one of {@code sources} changes, while {@code view} is shown. */
    public static void update(Node view, Runnable update, Observable... sources) {
        ChangeListener<Object> onValue = (observable, old, now) -> update.run();
        ListChangeListener<Object> onList = change -> update.run();
        List<Observable> all = List.of(sources);
        view.sceneProperty().addListener((observable, old, now) -> {
            if (old == null && now != null) {
                all.forEach(source -> subscribe(source, onValue, onList));
                update.run();
            } else if (old != null && now == null) {
                all.forEach(source -> unsubscribe(source, onValue, onList));
            }
        });
        if (view.getScene() != null) {
            all.forEach(source -> subscribe(source, onValue, onList));
        }
        update.run();
    }

    @SuppressWarnings("unchecked")
    private static void subscribe(Observable source, ChangeListener<Object> onValue, ListChangeListener<Object> onList) {
        if (source instanceof ObservableList<?> list) {
            ((ObservableList<Object>) list).addListener(onList);
        } else if (source instanceof ObservableValue<?> value) {
            ((ObservableValue<Object>) value).addListener(onValue);
        } else {
            throw new IllegalArgumentException("neither a value nor a list: " + source);
        }
    }

    @SuppressWarnings("unchecked")
    private static void unsubscribe(Observable source, ChangeListener<Object> onValue,
                                    ListChangeListener<Object> onList) {
        if (source instanceof ObservableList<?> list) {
            ((ObservableList<Object>) list).removeListener(onList);
        } else {
            ((ObservableValue<Object>) source).removeListener(onValue);
        }
    }
}
