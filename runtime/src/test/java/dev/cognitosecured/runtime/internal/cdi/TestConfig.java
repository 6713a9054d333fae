package dev.cognitosecured.runtime.internal.cdi;

import java.util.HashMap;
import java.util.Map;

/** Sets configuration as system properties for one test class or test, and clears it after. */
final class TestConfig implements AutoCloseable {

    private final Map<String, String> set;

    private TestConfig(Map<String, String> set) {
        this.set = Map.copyOf(set);
        this.set.forEach(System::setProperty);
    }

    /** Sets the keys given as key, value, key, value... */
    static TestConfig set(String... keysAndValues) {
        Map<String, String> map = new HashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return new TestConfig(map);
    }

    /** The required keys and the GraphQL endpoint of the default pool, plus {@code more}. */
    static TestConfig defaultPool(String... more) {
        String[] all = new String[8 + more.length];
        System.arraycopy(new String[] {
            "cognito-secured.region", "eu-west-1",
            "cognito-secured.user-pool-id", "eu-west-1_Test",
            "cognito-secured.client-id", "test-client",
            "cognito-secured.graphql.endpoint", "http://127.0.0.1:9/graphql"}, 0, all, 0, 8);
        System.arraycopy(more, 0, all, 8, more.length);
        return set(all);
    }

    /** Clears {@code key}, which this configuration set. */
    TestConfig without(String key) {
        if (!set.containsKey(key)) {
            throw new IllegalArgumentException(key + " was not set");
        }
        System.clearProperty(key);
        return this;
    }

    @Override
    public void close() {
        set.keySet().forEach(System::clearProperty);
    }
}
