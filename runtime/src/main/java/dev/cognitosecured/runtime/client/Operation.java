package dev.cognitosecured.runtime.client;

import jakarta.ws.rs.core.GenericType;
import java.util.HashSet;
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
    private final String[] names;
    private final GenericType<T> resultType;
    private final CallPolicy policy;

    private Operation(String name, String document, String operationName, String rootField,
            List<String> variableNames, GenericType<T> resultType, CallPolicy policy) {
        this.name = Objects.requireNonNull(name, "name");
        this.document = Objects.requireNonNull(document, "document");
        this.operationName = operationName;
        this.rootField = rootField;
        this.variableNames = List.copyOf(variableNames);
        if (new HashSet<>(this.variableNames).size() != this.variableNames.size()) {
            throw new IllegalArgumentException(name + " names a variable twice: " + this.variableNames);
        }
        this.names = this.variableNames.toArray(String[]::new);
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
     * @param variableNames the document's variables, in the order of the method's parameters, each once
     * @param resultType the type the result binds to ({@code Void} for none)
     * @param policy the interface's call policy
     */
    public static <T> Operation<T> of(String name, String document, String operationName, String rootField,
            List<String> variableNames, GenericType<T> resultType, CallPolicy policy) {
        return new Operation<>(name, document, operationName, rootField, variableNames, resultType, policy);
    }

    /**
     * The method's only value as the operation's only variable: an unmodifiable map of one entry,
     * {@code null} value allowed. The same as {@link #variables(Object...)} with one value, without
     * the varargs array.
     *
     * @throws IllegalArgumentException if the operation does not take exactly one variable
     */
    public Map<String, Object> variables(Object value) {
        if (names.length != 1) {
            throw new IllegalArgumentException(name + " takes " + names.length + " variables, was given 1");
        }
        return OperationVariables.of(names[0], value);
    }

    /**
     * The method's values as the operation's variables, by name, in declaration order: an
     * unmodifiable map, {@code null} values allowed. It is a view over {@code values}, not a copy
     * (one small object per call): the array must not be changed afterwards, which holds for the
     * varargs array of a generated client's call.
     *
     * @throws IllegalArgumentException if there is not one value per variable
     */
    public Map<String, Object> variables(Object... values) {
        if (values.length != names.length) {
            throw new IllegalArgumentException(name + " takes " + names.length
                    + " variables, was given " + values.length);
        }
        if (values.length == 0) {
            return Map.of();
        }
        return OperationVariables.of(names, values);
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
