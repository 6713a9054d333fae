package dev.cognitosecured.runtime.internal.cdi;

import dev.cognitosecured.annotations.AuthFlow;
import dev.cognitosecured.runtime.Account;
import dev.cognitosecured.runtime.Devices;
import dev.cognitosecured.runtime.Mfa;
import dev.cognitosecured.runtime.Passkeys;
import dev.cognitosecured.runtime.PasswordReset;
import dev.cognitosecured.runtime.SessionStore;
import dev.cognitosecured.runtime.SignIn;
import dev.cognitosecured.runtime.SignUp;
import dev.cognitosecured.runtime.internal.cognito.SignUpSignIn;
import dev.cognitosecured.runtime.client.CallMargin;
import dev.cognitosecured.runtime.client.SecuredCaller;
import dev.cognitosecured.runtime.InvalidConfigurationException;
import dev.cognitosecured.runtime.internal.realtime.Subscriptions;
import dev.cognitosecured.runtime.internal.config.PoolConfig;
import dev.cognitosecured.runtime.internal.config.PoolConfig.SessionScope;
import dev.cognitosecured.runtime.internal.config.PoolConfigResult;
import dev.cognitosecured.runtime.internal.observe.ObserverFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.context.SessionScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.spi.AfterBeanDiscovery;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Singleton;
import java.lang.annotation.Annotation;
import java.util.Optional;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The synthetic beans of one pool, all qualified {@code @AuthFlow(pool)}:
 * <ul>
 *   <li>{@code SessionStore}, {@code @ApplicationScoped} or {@code @SessionScoped} as
 *       {@code session-scope} says: one store per context, made when first used and closed
 *       ({@link dev.cognitosecured.runtime.internal.store.DefaultSessionStore#close()}) when the context
 *       ends: an HTTP session invalidated or expired, the container shut down;</li>
 *   <li>{@code SignIn}, in the same scope, over the store of its context (the instance itself; both
 *       live and die together), with the challenge slot of its own sign-in in progress;</li>
 *   <li>{@code Passkeys}, in the same scope, over the store of its context, as {@code Account};</li>
 *   <li>{@code SignUp}, {@code PasswordReset} and {@code Account}, in the same scope; {@code Account} over
 *       the store of its context;</li>
 *   <li>{@code Mfa} and {@code Devices}, in the same scope, over the store of their context;</li>
 *   <li>{@code SecuredCaller}, {@code @Dependent}, over the store of the calling context, the pool's
 *       transport and its margin: what the generated clients inject;</li>
 *   <li>{@code CallMargin}, {@code @Dependent}: the pool's one margin, for the application to watch;</li>
 *   <li>{@code Subscriptions} (internal), {@code @Dependent}: the pool's real-time connections, for tests to
 *       watch;</li>
 *   <li>the pool's {@link PoolRuntime}, {@code @Singleton}, which the others share and which is
 *       closed when the container shuts down;</li>
 *   <li>what each {@link Contributor} adds for an optional library present (a readiness check).</li>
 * </ul>
 */
final class PoolBeans {

    private static final String ID_PREFIX = "dev.cognitosecured.runtime.internal.cdi#";

    private PoolBeans() {
    }

    /** Adds beans of a valid pool for an optional library (loaded only when the library is present). */
    interface Contributor {

        /** Adds the beans of {@code pool}, whose store is session-scoped if {@code sessionScoped}. */
        void add(AfterBeanDiscovery discovery, String pool, boolean sessionScoped);
    }

    /**
     * Adds the beans of the pool whose configuration was read as {@code result}; its runtime is observed
     * by what {@code observers} make, and each of {@code contributors} adds its beans to a valid pool.
     */
    static void add(AfterBeanDiscovery discovery, PoolConfigResult result, ReplacementBeans replacements,
            List<ObserverFactory> observers, List<Contributor> contributors) {
        String pool = result.pool();
        AuthFlow flow = AuthFlow.Literal.of(pool);
        Class<? extends Annotation> scope = result instanceof PoolConfigResult.Valid valid
                && valid.config().sessionScope() == SessionScope.SESSION ? SessionScoped.class : ApplicationScoped.class;
        Function<Instance<Object>, PoolRuntime> runtime = runtimeFactory(result, replacements, observers);
        if (result instanceof PoolConfigResult.Valid) {
            contributors.forEach(contributor -> contributor.add(discovery, pool, scope == SessionScoped.class));
        }

        discovery.<PoolRuntime>addBean()
                .beanClass(PoolRuntime.class)
                .types(PoolRuntime.class)
                .qualifiers(flow, Any.Literal.INSTANCE)
                .scope(Singleton.class)
                .id(ID_PREFIX + "PoolRuntime#" + pool)
                .produceWith(runtime)
                .disposeWith((instance, lookup) -> instance.close());

        discovery.<SessionStore>addBean()
                .types(SessionStore.class, Object.class)
                .qualifiers(flow, Any.Literal.INSTANCE)
                .scope(scope)
                .id(ID_PREFIX + "SessionStore#" + pool)
                .produceWith(lookup -> runtimeOf(lookup, flow).newStore())
                .disposeWith((store, lookup) -> closeIfCloseable(store));

        discovery.<SignIn>addBean()
                .types(SignIn.class, SignUpSignIn.class, Object.class)
                .qualifiers(flow, Any.Literal.INSTANCE)
                .scope(scope)
                .id(ID_PREFIX + "SignIn#" + pool)
                .produceWith(lookup -> runtimeOf(lookup, flow).newSignIn(contextualStore(lookup, flow)));

        discovery.<SignUp>addBean()
                .types(SignUp.class, Object.class)
                .qualifiers(flow, Any.Literal.INSTANCE)
                .scope(scope)
                .id(ID_PREFIX + "SignUp#" + pool)
                .produceWith(lookup -> runtimeOf(lookup, flow).newSignUp(Optional.empty()));

        discovery.<PasswordReset>addBean()
                .types(PasswordReset.class, Object.class)
                .qualifiers(flow, Any.Literal.INSTANCE)
                .scope(scope)
                .id(ID_PREFIX + "PasswordReset#" + pool)
                .produceWith(lookup -> runtimeOf(lookup, flow).newPasswordReset());

        discovery.<Account>addBean()
                .types(Account.class, Object.class)
                .qualifiers(flow, Any.Literal.INSTANCE)
                .scope(scope)
                .id(ID_PREFIX + "Account#" + pool)
                .produceWith(lookup -> runtimeOf(lookup, flow).newAccount(contextualStore(lookup, flow)));

        discovery.<Passkeys>addBean()
                .types(Passkeys.class, Object.class)
                .qualifiers(flow, Any.Literal.INSTANCE)
                .scope(scope)
                .id(ID_PREFIX + "Passkeys#" + pool)
                .produceWith(lookup -> runtimeOf(lookup, flow).newPasskeys(contextualStore(lookup, flow)));

        discovery.<Mfa>addBean()
                .types(Mfa.class, Object.class)
                .qualifiers(flow, Any.Literal.INSTANCE)
                .scope(scope)
                .id(ID_PREFIX + "Mfa#" + pool)
                .produceWith(lookup -> runtimeOf(lookup, flow).newMfa(contextualStore(lookup, flow)));

        discovery.<Devices>addBean()
                .types(Devices.class, Object.class)
                .qualifiers(flow, Any.Literal.INSTANCE)
                .scope(scope)
                .id(ID_PREFIX + "Devices#" + pool)
                .produceWith(lookup -> {
                    SessionStore store = contextualStore(lookup, flow);
                    return runtimeOf(lookup, flow).newDevices(store, StoreDevices.of(store));
                });

        discovery.<SecuredCaller>addBean()
                .types(SecuredCaller.class, Object.class)
                .qualifiers(flow, Any.Literal.INSTANCE)
                .scope(Dependent.class)
                .id(ID_PREFIX + "SecuredCaller#" + pool)
                .produceWith(lookup -> new SecuredCaller(storeInCallersContext(lookup, flow),
                        runtimeOf(lookup, flow).transport(), runtimeOf(lookup, flow).margin(),
                        runtimeOf(lookup, flow).callTimeout(), runtimeOf(lookup, flow).subscriptionsIfConfigured(),
                        runtimeOf(lookup, flow).calls()));

        discovery.<Subscriptions>addBean()
                .types(Subscriptions.class, Object.class)
                .qualifiers(flow, Any.Literal.INSTANCE)
                .scope(Dependent.class)
                .id(ID_PREFIX + "Subscriptions#" + pool)
                .produceWith(lookup -> runtimeOf(lookup, flow).subscriptions());

        discovery.<CallMargin>addBean()
                .types(CallMargin.class, Object.class)
                .qualifiers(flow, Any.Literal.INSTANCE)
                .scope(Dependent.class)
                .id(ID_PREFIX + "CallMargin#" + pool)
                .produceWith(lookup -> runtimeOf(lookup, flow).margin());
    }

    private static Function<Instance<Object>, PoolRuntime> runtimeFactory(PoolConfigResult result,
            ReplacementBeans replacements, List<ObserverFactory> observers) {
        if (result instanceof PoolConfigResult.Invalid invalid) {
            // Only generated clients that nothing injects use this pool: fail if one is looked up.
            return lookup -> {
                throw new InvalidConfigurationException("the user pool '" + invalid.pool()
                        + "', used by a generated client looked up at run time", invalid.problems());
            };
        }
        PoolConfig config = ((PoolConfigResult.Valid) result).config();
        return lookup -> new PoolRuntime(config, new ReplaceableParts(lookup, config.name(), replacements),
                new PoolEvents(lookup.select(BeanManager.class).get(), config.name()), observers);
    }

    private static PoolRuntime runtimeOf(Instance<Object> lookup, AuthFlow flow) {
        return lookup.select(PoolRuntime.class, flow).get();
    }

    /**
     * The pool's store in the context of the thread that asks: the instance, not the client proxy, so
     * that an asynchronous call completed on another thread (where the caller's session context is
     * not active) keeps refreshing and replaying with the caller's own store.
     */
    private static Supplier<SessionStore> storeInCallersContext(Instance<Object> lookup, AuthFlow flow) {
        return storeInContext(lookup.select(BeanManager.class).get(), flow);
    }

    /** The pool's store in the context of the thread that asks, found at each call (see above). */
    static Supplier<SessionStore> storeInContext(BeanManager beans, AuthFlow flow) {
        Bean<?> bean = beans.resolve(beans.getBeans(SessionStore.class, flow));
        return () -> (SessionStore) instanceInContext(beans, bean);
    }

    /**
     * The pool's store in the current context: the instance, not the client proxy (no context lookup
     * per call). The caller must live in the same context (the same scope). Any {@link SessionStore}
     * serves: the sign-in flow uses nothing else.
     */
    private static SessionStore contextualStore(Instance<Object> lookup, AuthFlow flow) {
        BeanManager beans = lookup.select(BeanManager.class).get();
        return (SessionStore) instanceInContext(beans, beans.resolve(beans.getBeans(SessionStore.class, flow)));
    }

    private static <T> T instanceInContext(BeanManager beans, Bean<T> bean) {
        return beans.getContext(bean.getScope()).get(bean, beans.createCreationalContext(bean));
    }

    private static void closeIfCloseable(Object instance) {
        if (instance instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception e) {
                throw new IllegalStateException("closing " + instance.getClass().getSimpleName() + " failed", e);
            }
        }
    }
}
