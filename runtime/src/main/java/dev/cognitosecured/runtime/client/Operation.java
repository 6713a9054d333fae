package dev.cognitosecured.runtime.client;

import dev.cognitosecured.runtime.spi.GraphQLOperation;
import jakarta.ws.rs.core.GenericType;
import java.lang.reflect.Type;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One GraphQL operation of a generated client: its document and variables, how its result is bound,
 * and the call policy of its interface. Generated clients hold one constant per method, built with
 * named steps:
 *
 * <pre>{@code
 * Operation<Todo> GET_TODO = Operation.query("TodoApi.getTodo", "query Get($id: ID!) { getTodo(id: $id) { id } }")
 *         .rootField("getTodo").variables("id").policy(POLICY).returning(Todo.class);
 * }</pre>
 *
 * <p>It is the {@link GraphQLOperation} the transport receives, so a call needs no object to describe it.
 *
 * @param <T> the bound result ({@link Void} for methods that return nothing)
 */
public final class Operation<T> implements GraphQLOperation<T> {

    private final String name;
    private final Kind kind;
    private final String document;
    private final Optional<String> operationName;
    private final Optional<String> rootField;
    private final List<String> variableNames;
    private final String[] names;
    private final Type resultType;
    private final CallPolicy policy;

    private Operation(Builder builder, Type resultType) {
        this.name = builder.name;
        this.kind = builder.kind;
        this.document = builder.document;
        this.operationName = builder.operationName;
        this.rootField = builder.rootField;
        this.variableNames = builder.variableNames;
        this.names = variableNames.toArray(String[]::new);
        this.resultType = Objects.requireNonNull(resultType, "resultType");
        this.policy = Objects.requireNonNull(builder.policy, () -> name + " has no call policy");
    }

    /**
     * A query, to be completed by the steps of the {@link Builder}.
     *
     * @param name what error messages call it, e.g. {@code TodoApi.getTodo}
     * @param document the GraphQL document
     * @return the first step
     */
    public static Builder query(String name, String document) {
        return new Builder(name, Kind.QUERY, document);
    }

    /**
     * A mutation, to be completed by the steps of the {@link Builder}; as {@link #query}.
     *
     * @param name what error messages call it, e.g. {@code TodoApi.addTodo}
     * @param document the GraphQL document
     * @return the first step
     */
    public static Builder mutation(String name, String document) {
        return new Builder(name, Kind.MUTATION, document);
    }

    /**
     * A subscription, to be completed by the steps of the {@link Builder}; as {@link #query}. Its
     * result type is that of one event; send it with {@link SecuredCaller#subscribe(Operation, Object...)}.
     *
     * @param name what error messages call it, e.g. {@code TodoApi.onAddTodo}
     * @param document the GraphQL document
     * @return the first step
     */
    public static Builder subscription(String name, String document) {
        return new Builder(name, Kind.SUBSCRIPTION, document);
    }

    /**
     * The steps that complete an operation; each may be left out except {@link #policy} and one of the
     * {@code returning} steps, which ends it.
     */
    public static final class Builder {
        private final String name;
        private final Kind kind;
        private final String document;
        private Optional<String> operationName = Optional.empty();
        private Optional<String> rootField = Optional.empty();
        private List<String> variableNames = List.of();
        private CallPolicy policy;

        private Builder(String name, Kind kind, String document) {
            this.name = Objects.requireNonNull(name, "name");
            this.kind = Objects.requireNonNull(kind, "kind");
            this.document = Objects.requireNonNull(document, "document");
        }

        /**
         * Names the operation of the document to run, for a document that holds several.
         *
         * @param operationName the operation's name in the document, sent as {@code operationName}
         * @return this builder
         */
        public Builder operationName(String operationName) {
            this.operationName = Optional.of(operationName);
            return this;
        }

        /**
         * Names the root field whose value is the result; without it all of {@code data} is bound.
         *
         * @param rootField the field under {@code data}
         * @return this builder
         */
        public Builder rootField(String rootField) {
            this.rootField = Optional.of(rootField);
            return this;
        }

        /**
         * The document's variables, in the order of the method's parameters, each once.
         *
         * @param names the variables' names, without {@code $}
         * @return this builder
         * @throws IllegalArgumentException if a name is given twice
         */
        public Builder variables(String... names) {
            List<String> variables = List.of(names);
            if (new HashSet<>(variables).size() != variables.size()) {
                throw new IllegalArgumentException(name + " names a variable twice: " + variables);
            }
            this.variableNames = variables;
            return this;
        }

        /**
         * Sets the call policy of the operation's interface.
         *
         * @param policy which token, the skew, the replays
         * @return this builder
         */
        public Builder policy(CallPolicy policy) {
            this.policy = Objects.requireNonNull(policy, "policy");
            return this;
        }

        /**
         * The operation, its result bound to {@code type}: a class, an array, or a primitive's class
         * ({@code int.class}) for a method that returns a primitive, whose answer must not be {@code null}
         * (a {@code null} answer is a {@link dev.cognitosecured.runtime.NullResultException}).
         *
         * @param <T> the result type
         * @param type its class
         * @return the operation, complete
         */
        public <T> Operation<T> returning(Class<T> type) {
            return new Operation<>(this, type);
        }

        /**
         * The operation, its result bound to the type {@code type} captures, e.g. {@code List<Todo>}.
         *
         * @param <T> the result type
         * @param type captures it, e.g. {@code new GenericType<List<Todo>>() {}}
         * @return the operation, complete
         */
        public <T> Operation<T> returning(GenericType<T> type) {
            return new Operation<>(this, type.getType());
        }

        /** {@return the operation of a method that returns nothing: no result is bound} */
        public Operation<Void> returningNothing() {
            return new Operation<>(this, Void.class);
        }
    }

    /**
     * The method's only value as the operation's only variable: an unmodifiable map of one entry,
     * {@code null} value allowed. The same as {@link #variables(Object...)} with one value, without
     * the varargs array.
     *
     * @param value the method's argument, possibly {@code null}
     * @return the variables to send
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
     * @param values the method's arguments, in declaration order
     * @return the variables to send
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

    @Override
    public String name() {
        return name;
    }

    @Override
    public Kind kind() {
        return kind;
    }

    @Override
    public String document() {
        return document;
    }

    @Override
    public Optional<String> operationName() {
        return operationName;
    }

    @Override
    public Optional<String> rootField() {
        return rootField;
    }

    /** {@return the document's variables, in the order of the method's parameters} */
    public List<String> variableNames() {
        return variableNames;
    }

    @Override
    public Type resultType() {
        return resultType;
    }

    /** {@return whether the method returns nothing, so no result is bound} */
    public boolean returnsNothing() {
        return resultType == Void.class;
    }

    /** {@return the call policy of the operation's interface} */
    public CallPolicy policy() {
        return policy;
    }

    @Override
    public String toString() {
        return "Operation[" + name + "]";
    }
}
