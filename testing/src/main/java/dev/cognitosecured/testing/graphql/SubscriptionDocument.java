package dev.cognitosecured.testing.graphql;

import graphql.ExecutionInput;
import graphql.GraphQL;
import graphql.GraphQLError;
import graphql.ParseAndValidate;
import graphql.ParseAndValidateResult;
import graphql.language.Argument;
import graphql.language.ArrayValue;
import graphql.language.AstPrinter;
import graphql.language.BooleanValue;
import graphql.language.Document;
import graphql.language.EnumValue;
import graphql.language.Field;
import graphql.language.FloatValue;
import graphql.language.IntValue;
import graphql.language.NullValue;
import graphql.language.ObjectValue;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.language.StringValue;
import graphql.language.Value;
import graphql.language.VariableReference;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The document of one {@code start}: a subscription operation with one root field, validated against the
 * schema. Events are filtered as AppSync filters them (every argument given a non-null value must equal the
 * published object's field of the same name) and shaped by running the subscription's selection over the
 * published object: the document is run as a query against the schema's {@code Subscription} type (see
 * {@link ExecutableSchema#subscriptionsAsQuery}).
 *
 * @param field the root field, e.g. {@code onAddTodo}
 * @param resultKey the key of the field in {@code data} (its alias, if any)
 * @param filter the arguments given non-null values, as text
 * @param asQuery the document, rewritten as a query over the {@code Subscription} type
 * @param variables the variables of the {@code start}
 */
record SubscriptionDocument(
        String field, String resultKey, Map<String, String> filter, String asQuery, Map<String, Object> variables) {

    SubscriptionDocument {
        filter = Collections.unmodifiableMap(new LinkedHashMap<>(filter));
        variables = Collections.unmodifiableMap(new LinkedHashMap<>(variables));
    }

    /** The document, or the errors that refuse it (as AppSync's {@code errors} entries). */
    static Outcome parse(GraphQL graphQL, String query, Optional<String> operationName, Map<String, Object> variables) {
        ExecutionInput.Builder input = ExecutionInput.newExecutionInput().query(query).variables(variables);
        operationName.ifPresent(input::operationName);
        ParseAndValidateResult checked = ParseAndValidate.parseAndValidate(graphQL.getGraphQLSchema(), input.build());
        if (checked.isFailure()) {
            return new Outcome(Optional.empty(), errors(checked.getErrors()));
        }
        Document document = checked.getDocument();
        List<OperationDefinition> operations = document.getDefinitionsOfType(OperationDefinition.class);
        Optional<OperationDefinition> chosen = operations.stream()
                .filter(operation -> operationName.isEmpty() ? operations.size() == 1
                        : operationName.get().equals(operation.getName()))
                .findFirst();
        if (chosen.isEmpty() || chosen.get().getOperation() != OperationDefinition.Operation.SUBSCRIPTION) {
            return refused("The document of a start must hold one subscription operation.");
        }
        List<Selection<?>> roots = new ArrayList<>();
        chosen.get().getSelectionSet().getSelections().forEach(roots::add);
        if (roots.size() != 1 || !(roots.get(0) instanceof Field root)) {
            return refused("A subscription must select exactly one root field.");
        }
        Map<String, String> filter = new LinkedHashMap<>();
        for (Argument argument : root.getArguments()) {
            value(argument.getValue(), variables).ifPresent(text -> filter.put(argument.getName(), text));
        }
        String text = AstPrinter.printAstCompact(asQuery(document, chosen.get()));
        return new Outcome(Optional.of(new SubscriptionDocument(
                root.getName(), root.getResultKey(), filter, text, variables)), List.of());
    }

    /** {@code document} with {@code subscription} turned into a query. */
    @SuppressWarnings({"rawtypes", "unchecked"}) // graphql-java's Document holds raw Definitions
    private static Document asQuery(Document document, OperationDefinition subscription) {
        OperationDefinition query = subscription.transform(builder -> builder.operation(
                OperationDefinition.Operation.QUERY));
        List<graphql.language.Definition> definitions = new ArrayList<>(document.getDefinitions());
        definitions.replaceAll(definition -> definition == subscription ? query : definition);
        return document.transform(builder -> builder.definitions(definitions));
    }

    /** Whether an object published for {@link #field} passes this subscription's argument filter. */
    boolean matches(Map<String, ?> published) {
        for (Map.Entry<String, String> argument : filter.entrySet()) {
            Object value = published.get(argument.getKey());
            if (value == null || !argument.getValue().equals(text(value))) {
                return false;
            }
        }
        return true;
    }

    /** The {@code payload} of a {@code data} message for {@code published}: the selection run over it. */
    Map<String, Object> payload(GraphQL subscriptionsAsQuery, Object published) {
        ExecutionInput input = ExecutionInput.newExecutionInput()
                .query(asQuery)
                .variables(variables)
                .graphQLContext(Map.of(ExecutableSchema.PUBLISHED, Objects.requireNonNull(published)))
                .build();
        return HttpAnswer.bodyOf(subscriptionsAsQuery.execute(input));
    }

    private static Optional<String> value(Value<?> value, Map<String, Object> variables) {
        if (value instanceof VariableReference reference) {
            return Optional.ofNullable(variables.get(reference.getName())).map(SubscriptionDocument::text);
        }
        if (value instanceof StringValue text) {
            return Optional.of(text.getValue());
        }
        if (value instanceof IntValue number) {
            return Optional.of(number.getValue().toString());
        }
        if (value instanceof FloatValue number) {
            return Optional.of(number.getValue().stripTrailingZeros().toPlainString());
        }
        if (value instanceof BooleanValue bool) {
            return Optional.of(Boolean.toString(bool.isValue()));
        }
        if (value instanceof EnumValue name) {
            return Optional.of(name.getName());
        }
        if (value instanceof NullValue || value instanceof ObjectValue || value instanceof ArrayValue) {
            return Optional.empty(); // null matches everything; AppSync filters on scalar arguments only
        }
        return Optional.empty();
    }

    private static String text(Object value) {
        if (value instanceof Double || value instanceof Float || value instanceof java.math.BigDecimal) {
            return new java.math.BigDecimal(value.toString()).stripTrailingZeros().toPlainString();
        }
        return value.toString();
    }

    private static Outcome refused(String message) {
        return new Outcome(Optional.empty(), List.of(ErrorEntries.of("ValidationError", message)));
    }

    private static List<Map<String, Object>> errors(List<GraphQLError> errors) {
        return ErrorEntries.of(errors);
    }

    /** A parsed document, or why it was refused. */
    record Outcome(Optional<SubscriptionDocument> document, List<Map<String, Object>> errors) {}
}
