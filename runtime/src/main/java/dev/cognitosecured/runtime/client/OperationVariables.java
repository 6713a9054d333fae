package dev.cognitosecured.runtime.client;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * The variables of one call: an unmodifiable map over an operation's variable names and the values
 * a method was called with, in the order of the names, copying neither. One small object per call
 * (32 bytes, as {@link Map#of(Object, Object)}), where a {@code LinkedHashMap} took a table, an entry
 * per variable and a wrapper.
 *
 * <p>Values may be {@code null}: a GraphQL variable may be null (which {@link Map#of} does not
 * allow). Lookups scan the names, which is as fast as hashing for the few variables an operation
 * has. Equality and hash code are those of every {@link Map}.
 */
abstract sealed class OperationVariables extends AbstractMap<String, Object> {

    /** One variable: {@code name} to {@code value}. */
    static OperationVariables of(String name, Object value) {
        return new One(name, value);
    }

    /**
     * Each name to the value at the same index.
     *
     * @param names the operation's variable names, distinct, never changed
     * @param values one value per name; the caller hands the array over and does not change it
     */
    static OperationVariables of(String[] names, Object[] values) {
        if (names.length != values.length) {
            throw new IllegalArgumentException(names.length + " names, " + values.length + " values");
        }
        return new Several(names, values);
    }

    abstract String name(int index);

    abstract Object value(int index);

    @Override
    public boolean isEmpty() {
        return size() == 0;
    }

    @Override
    public boolean containsKey(Object key) {
        return indexOf(key) >= 0;
    }

    @Override
    public boolean containsValue(Object value) {
        for (int i = 0; i < size(); i++) {
            if (Objects.equals(value(i), value)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public Object get(Object key) {
        int index = indexOf(key);
        return index < 0 ? null : value(index);
    }

    @Override
    public Object getOrDefault(Object key, Object defaultValue) {
        int index = indexOf(key);
        return index < 0 ? defaultValue : value(index);
    }

    @Override
    public void forEach(BiConsumer<? super String, ? super Object> action) {
        Objects.requireNonNull(action, "action");
        for (int i = 0; i < size(); i++) {
            action.accept(name(i), value(i));
        }
    }

    @Override
    public Set<Entry<String, Object>> entrySet() {
        return new Entries();
    }

    private int indexOf(Object key) {
        for (int i = 0; i < size(); i++) {
            if (name(i).equals(key)) {
                return i;
            }
        }
        return -1;
    }

    // ---- unmodifiable: every change is refused, whether or not it would change anything ----

    @Override
    public Object put(String key, Object value) {
        throw unmodifiable();
    }

    @Override
    public Object remove(Object key) {
        throw unmodifiable();
    }

    @Override
    public void putAll(Map<? extends String, ?> map) {
        throw unmodifiable();
    }

    @Override
    public void clear() {
        throw unmodifiable();
    }

    @Override
    public void replaceAll(BiFunction<? super String, ? super Object, ?> function) {
        throw unmodifiable();
    }

    @Override
    public Object putIfAbsent(String key, Object value) {
        throw unmodifiable();
    }

    @Override
    public boolean remove(Object key, Object value) {
        throw unmodifiable();
    }

    @Override
    public boolean replace(String key, Object oldValue, Object newValue) {
        throw unmodifiable();
    }

    @Override
    public Object replace(String key, Object value) {
        throw unmodifiable();
    }

    @Override
    public Object computeIfAbsent(String key, Function<? super String, ?> mappingFunction) {
        throw unmodifiable();
    }

    @Override
    public Object computeIfPresent(String key, BiFunction<? super String, ? super Object, ?> remappingFunction) {
        throw unmodifiable();
    }

    @Override
    public Object compute(String key, BiFunction<? super String, ? super Object, ?> remappingFunction) {
        throw unmodifiable();
    }

    @Override
    public Object merge(String key, Object value, BiFunction<? super Object, ? super Object, ?> remappingFunction) {
        throw unmodifiable();
    }

    private static UnsupportedOperationException unmodifiable() {
        return new UnsupportedOperationException("the variables of a call cannot be changed");
    }

    /** The entries, by index; the iterator cannot remove and the entries cannot be set. */
    private final class Entries extends AbstractSet<Entry<String, Object>> {

        @Override
        public int size() {
            return OperationVariables.this.size();
        }

        @Override
        public Iterator<Entry<String, Object>> iterator() {
            return new Iterator<>() {
                private int next;

                @Override
                public boolean hasNext() {
                    return next < size();
                }

                @Override
                public Entry<String, Object> next() {
                    if (next >= size()) {
                        throw new NoSuchElementException();
                    }
                    int index = next++;
                    return new SimpleImmutableEntry<>(name(index), value(index));
                }
            };
        }
    }

    /** The variable of an operation that takes one: no array at all. */
    private static final class One extends OperationVariables {
        private final String name;
        private final Object value;

        One(String name, Object value) {
            this.name = name;
            this.value = value;
        }

        @Override
        public int size() {
            return 1;
        }

        @Override
        String name(int index) {
            Objects.checkIndex(index, 1);
            return name;
        }

        @Override
        Object value(int index) {
            Objects.checkIndex(index, 1);
            return value;
        }
    }

    /** The variables of an operation that takes several: a view over the names and the call's array. */
    private static final class Several extends OperationVariables {
        private final String[] names;
        private final Object[] values;

        Several(String[] names, Object[] values) {
            this.names = names;
            this.values = values;
        }

        @Override
        public int size() {
            return names.length;
        }

        @Override
        String name(int index) {
            return names[index];
        }

        @Override
        Object value(int index) {
            return values[index];
        }
    }
}
