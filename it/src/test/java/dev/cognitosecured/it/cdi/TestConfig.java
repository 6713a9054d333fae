package dev.cognitosecured.it.cdi;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Configuration for a test, set as system properties (this module has no MicroProfile Config
 * implementation, so the extension reads them directly) and cleared by {@link #close()}.
 */
final class TestConfig implements AutoCloseable {

    private final Map<String, String> set;

    private TestConfig(Map<String, String> set) {
        this.set = Map.copyOf(set);
        this.set.forEach(System::setProperty);
    }

    /** Sets the keys given as key, value, key, value... */
    static TestConfig set(String... keysAndValues) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return new TestConfig(map);
    }

    /** The keys of the default pool that its clients need, then {@code more}. */
    static TestConfig defaultPool(String... more) {
        return set(concat(new String[] {
            "cognito-secured.region", "eu-west-1",
            "cognito-secured.user-pool-id", "eu-west-1_Test",
            "cognito-secured.client-id", "test-client",
            "cognito-secured.graphql.endpoint", "http://127.0.0.1:9/graphql"}, more));
    }

    /** Clears {@code key}, which this configuration set. */
    TestConfig without(String key) {
        if (!set.containsKey(key)) {
            throw new IllegalArgumentException(key + " was not set");
        }
        System.clearProperty(key);
        return this;
    }

    private static String[] concat(String[] first, String[] second) {
        String[] all = new String[first.length + second.length];
        System.arraycopy(first, 0, all, 0, first.length);
        System.arraycopy(second, 0, all, first.length, second.length);
        return all;
    }

    @Override
    public void close() {
        set.keySet().forEach(System::clearProperty);
    }
}
