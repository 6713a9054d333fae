package dev.cognitosecured.runtime.internal.cdi;

import dev.cognitosecured.annotations.AuthFlow;
import dev.cognitosecured.annotations.CognitoSecured;
import dev.cognitosecured.runtime.Account;
import dev.cognitosecured.runtime.Devices;
import dev.cognitosecured.runtime.Mfa;
import dev.cognitosecured.runtime.Passkeys;
import dev.cognitosecured.runtime.PasswordReset;
import dev.cognitosecured.runtime.SessionStore;
import dev.cognitosecured.runtime.SignIn;
import dev.cognitosecured.runtime.SignUp;
import dev.cognitosecured.runtime.client.SecuredCaller;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.spi.Annotated;
import jakarta.enterprise.inject.spi.AnnotatedParameter;
import jakarta.enterprise.inject.spi.InjectionPoint;
import jakarta.inject.Provider;
import java.lang.annotation.Annotation;
import java.lang.reflect.Constructor;
import java.lang.reflect.Member;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.Optional;
import java.util.Set;

/** What an injection point asks of the library: which pool, and whether it sends GraphQL operations. */
final class InjectionPoints {

    private static final Set<Class<?>> POOL_TYPES = Set.of(SignIn.class, SessionStore.class, SecuredCaller.class,
            SignUp.class, PasswordReset.class, Account.class, Passkeys.class, Mfa.class, Devices.class);

    private InjectionPoints() {
    }

    /**
     * What the injection point asks for.
     *
     * @param pool the pool's name
     * @param sendsGraphQL whether the injected bean sends GraphQL operations (a generated client or a
     *     {@code SecuredCaller})
     */
    record PoolRequest(String pool, boolean sendsGraphQL) {
    }

    /** The pool the injection point needs, if it injects one of the library's beans. */
    static Optional<PoolRequest> poolRequest(InjectionPoint injectionPoint) {
        Class<?> raw = rawType(lookedUpType(injectionPoint.getType()));
        if (raw == null) {
            return Optional.empty();
        }
        if (POOL_TYPES.contains(raw)) {
            return authFlow(injectionPoint.getQualifiers())
                    .map(flow -> new PoolRequest(flow.value(), raw == SecuredCaller.class));
        }
        CognitoSecured secured = raw.isInterface() ? raw.getAnnotation(CognitoSecured.class) : null;
        return Optional.ofNullable(secured).map(s -> new PoolRequest(s.pool(), true));
    }

    /** The injection point for a message, e.g. {@code com.example.TodoService.todos}. */
    static String describe(InjectionPoint injectionPoint) {
        Member member = injectionPoint.getMember();
        if (member == null) {
            return String.valueOf(injectionPoint.getType());
        }
        String owner = member.getDeclaringClass().getName();
        Annotated annotated = injectionPoint.getAnnotated();
        if (annotated instanceof AnnotatedParameter<?> parameter) {
            String callable = member instanceof Constructor<?> ? "<init>" : member.getName();
            return owner + "." + callable + "(parameter " + parameter.getPosition() + ")";
        }
        return owner + "." + member.getName();
    }

    private static Optional<AuthFlow> authFlow(Set<Annotation> qualifiers) {
        return qualifiers.stream().filter(AuthFlow.class::isInstance).map(AuthFlow.class::cast).findFirst();
    }

    /** {@code X} for {@code Instance<X>} and {@code Provider<X>}, else the type itself. */
    private static Type lookedUpType(Type type) {
        if (type instanceof ParameterizedType parameterized
                && (parameterized.getRawType() == Instance.class || parameterized.getRawType() == Provider.class)) {
            return parameterized.getActualTypeArguments()[0];
        }
        return type;
    }

    private static Class<?> rawType(Type type) {
        if (type instanceof Class<?> c) {
            return c;
        }
        if (type instanceof ParameterizedType parameterized && parameterized.getRawType() instanceof Class<?> c) {
            return c;
        }
        return null;
    }
}
