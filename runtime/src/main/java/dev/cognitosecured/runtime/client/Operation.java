package dev.cognitosecured.runtime.client;

import jakarta.ws.rs.core.GenericType;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One GraphQL operation of a generated client: its document and variables, how its result is bound,
 * and the call policy of its interface. Generated clients hold one constant per method.
 *
 * @param <T> the bound result ({@link Void} for methods that return nothing)
 */
public final class Operation<T> {

    private final String name;
    private final String document;
    private final String operationName;
    private final String rootField;
    private final List<String> variableNames;
    private final GenericType<T> resultType;
    private final CallPolicy policy;

    private Operation(String name, String document, String operationName, String rootField,
            List<String> variableNames, GenericType<T> resultType, CallPolicy policy) {
        this.name = Objects.requireNonNull(name, "name");
        this.document = Objects.requireNonNull(document, "document");
        this.operationName = operationName;
        this.rootField = rootField;
        this.variableNames = List.copyOf(variableNames);
        this.resultType = Objects.requireNonNull(resultType, "resultType");
        this.policy = Objects.requireNonNull(policy, "policy");
    }

    /**
     * An operation.
     *
     * @param name what error messages call it, e.g. {@code TodoApi.getTodo}
     * @param document the GraphQL document
     * @param operationName the operation to run, or {@code null} when the document holds one
     * @param rootField the root field whose value is the result, or {@code null} to bind all of {@code data}
     * @param variableNames the document's variables, in the order of the method's parameters
     * @param resultType the type the result binds to ({@code Void} for none)
     * @param policy the interface's call policy
     */
    public static <T> Operation<T> of(String name, String document, String operationName, String rootField,
            List<String> variableNames, GenericType<T> resultType, CallPolicy policy) {
        return new Operation<>(name, document, operationName, rootField, variableNames, resultType, policy);
    }

    /** The method's values as the operation's variables, by name, in declaration order. */
    public Map<String, Object> variables(Object... values) {
        if (values.length != variableNames.size()) {
            throw new IllegalArgumentException(name + " takes " + variableNames.size()
                    + " variables, was given " + values.length);
        }
        if (values.length == 0) {
            return Map.of();
        }
        Map<String, Object> variables = new LinkedHashMap<>(values.length * 2);
        for (int i = 0; i < values.length; i++) {
            variables.put(variableNames.get(i), values[i]);
        }
        return Collections.unmodifiableMap(variables);
    }

    public String name() {
        return name;
    }

    public String document() {
        return document;
    }

    public Optional<String> operationName() {
        return Optional.ofNullable(operationName);
    }

    public Optional<String> rootField() {
        return Optional.ofNullable(rootField);
    }

    public List<String> variableNames() {
        return variableNames;
    }

    public GenericType<T> resultType() {
        return resultType;
    }

    /** Whether the method returns nothing, so no result is bound. */
    public boolean returnsNothing() {
        return resultType.getRawType() == Void.class;
    }

    public CallPolicy policy() {
        return policy;
    }

    @Override
    public String toString() {
        return "Operation[" + name + "]";
    }
}
