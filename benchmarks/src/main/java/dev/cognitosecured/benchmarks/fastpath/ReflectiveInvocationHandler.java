package dev.cognitosecured.benchmarks.fastpath;

import dev.cognitosecured.annotations.CognitoSecured;
import dev.cognitosecured.annotations.GraphQL;
import dev.cognitosecured.annotations.Var;
import dev.cognitosecured.runtime.client.CallPolicy;
import dev.cognitosecured.runtime.client.Operation;
import dev.cognitosecured.runtime.client.SecuredCaller;
import graphql.language.Document;
import graphql.language.Field;
import graphql.language.OperationDefinition;
import graphql.parser.Parser;
import jakarta.ws.rs.core.GenericType;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Turns a call of an interface method into an {@link Operation} for the {@link SecuredCaller}, from
 * the method's annotations: on a method's first call it reads {@code @GraphQL}, {@code @Var} and the
 * generic return type, parses the document for its root field, and caches the operation by
 * {@link Method}; later calls look it up. Then it does what the generated client does.
 */
final class ReflectiveInvocationHandler implements InvocationHandler {

    private static final Object[] NO_VALUES = {};

    private final Class<?> api;
    private final SecuredCaller caller;
    private final CallPolicy policy;
    private final ConcurrentMap<Method, Operation<?>> operations = new ConcurrentHashMap<>();

    ReflectiveInvocationHandler(Class<?> api, SecuredCaller caller) {
        this.api = Objects.requireNonNull(api, "api");
        this.caller = Objects.requireNonNull(caller, "caller");
        CognitoSecured secured = api.getAnnotation(CognitoSecured.class);
        if (secured == null) {
            throw new IllegalArgumentException(api.getName() + " is not annotated @CognitoSecured");
        }
        this.policy = new CallPolicy(secured.token(), parseDuration(secured.refreshSkew()), secured.retryOnUnauthorized());
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) {
        if (method.getDeclaringClass() == Object.class) {
            return objectMethod(proxy, method, args);
        }
        Operation<?> operation = operations.get(method);
        if (operation == null) {
            operation = operations.computeIfAbsent(method, this::operationOf);
        }
        Object[] values = args == null ? NO_VALUES : args;
        if (method.getReturnType() == CompletionStage.class) {
            return caller.callAsync(operation, values);
        }
        return caller.call(operation, values);
    }

    private Operation<?> operationOf(Method method) {
        GraphQL graphQL = method.getAnnotation(GraphQL.class);
        if (graphQL == null || graphQL.value().isEmpty()) {
            throw new IllegalStateException(method + " has no @GraphQL document");
        }
        String document = graphQL.value();
        String operationName = graphQL.operationName().isEmpty() ? null : graphQL.operationName();
        List<String> variableNames = new ArrayList<>();
        for (Parameter parameter : method.getParameters()) {
            Var variable = parameter.getAnnotation(Var.class);
            if (variable == null) {
                throw new IllegalStateException(method + ": parameter " + parameter.getName() + " has no @Var");
            }
            variableNames.add(variable.value());
        }
        OperationDefinition definition = definition(document, operationName);
        String name = api.getSimpleName() + "." + method.getName();
        Operation.Builder operation = definition.getOperation() == OperationDefinition.Operation.MUTATION
                ? Operation.mutation(name, document) : Operation.query(name, document);
        if (operationName != null) {
            operation.operationName(operationName);
        }
        rootField(definition).ifPresent(operation::rootField);
        return operation.variables(variableNames.toArray(String[]::new)).policy(policy)
                .returning(new GenericType<>(resultType(method)));
    }

    /** The operation of the document that a call runs. */
    private static OperationDefinition definition(String document, String operationName) {
        Document parsed = Parser.parse(document);
        return parsed.getDefinitionsOfType(OperationDefinition.class).stream()
                .filter(definition -> operationName == null || operationName.equals(definition.getName()))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("no operation " + operationName + " in " + document));
    }

    /** The alias or name of the operation's only root field; empty to bind all of {@code data}. */
    private static Optional<String> rootField(OperationDefinition operation) {
        List<Field> fields = operation.getSelectionSet().getSelectionsOfType(Field.class);
        if (fields.size() != 1) {
            return Optional.empty();
        }
        Field field = fields.get(0);
        return Optional.of(field.getAlias() != null ? field.getAlias() : field.getName());
    }

    private static Type resultType(Method method) {
        Type type = method.getGenericReturnType();
        if (method.getReturnType() == CompletionStage.class) {
            return ((ParameterizedType) type).getActualTypeArguments()[0];
        }
        return method.getReturnType() == void.class ? Void.class : type;
    }

    private Object objectMethod(Object proxy, Method method, Object[] args) {
        switch (method.getName()) {
            case "equals":
                return proxy == args[0];
            case "hashCode":
                return System.identityHashCode(proxy);
            case "toString":
                return "ReflectiveClient[" + api.getName() + "]";
            default:
                throw new UnsupportedOperationException(method.toString());
        }
    }

    /** {@code 500ms}, {@code 30s}, {@code 5m}, {@code 1h}, or ISO-8601 ({@code PT30S}). */
    private static Duration parseDuration(String text) {
        String value = text.strip().toLowerCase(Locale.ROOT);
        if (value.startsWith("pt")) {
            return Duration.parse(text.strip());
        }
        if (value.endsWith("ms")) {
            return Duration.ofMillis(Long.parseLong(value.substring(0, value.length() - 2)));
        }
        long amount = Long.parseLong(value.substring(0, value.length() - 1));
        switch (value.charAt(value.length() - 1)) {
            case 's':
                return Duration.ofSeconds(amount);
            case 'm':
                return Duration.ofMinutes(amount);
            case 'h':
                return Duration.ofHours(amount);
            default:
                throw new IllegalArgumentException("not a duration: " + text);
        }
    }
}
