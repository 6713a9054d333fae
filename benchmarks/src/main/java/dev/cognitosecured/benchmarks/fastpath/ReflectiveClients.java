package dev.cognitosecured.benchmarks.fastpath;

import dev.cognitosecured.runtime.client.SecuredCaller;
import java.lang.reflect.Proxy;

/**
 * Clients built at run time with {@link Proxy}, the way SmallRye GraphQL's typed client and
 * MicroProfile Rest Client build theirs: one invocation handler reads each method's annotations on
 * its first call and keeps what it read (see {@link ReflectiveInvocationHandler}).
 */
public final class ReflectiveClients {

    private ReflectiveClients() {
    }

    /** A client of {@code api}, which must be a {@code @CognitoSecured} interface. */
    public static <T> T create(Class<T> api, SecuredCaller caller) {
        Object proxy = Proxy.newProxyInstance(api.getClassLoader(), new Class<?>[] {api},
                new ReflectiveInvocationHandler(api, caller));
        return api.cast(proxy);
    }
}
