package dev.cognitosecured.runtime.internal.store;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/** Collects the events a store fires. */
public final class RecordedEvents implements Consumer<Object> {

    private final List<Object> events = new CopyOnWriteArrayList<>();

    @Override
    public void accept(Object event) {
        events.add(event);
    }

    /** The events of type {@code type}, in the order they were fired. */
    public <T> List<T> of(Class<T> type) {
        return events.stream().filter(type::isInstance).map(type::cast).collect(Collectors.toList());
    }

    /** Every event, in the order they were fired. */
    public List<Object> all() {
        return List.copyOf(events);
    }
}
