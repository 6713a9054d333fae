package dev.cognitosecured.testing.graphql;

import com.nimbusds.jose.util.JSONObjectUtils;
import graphql.language.Document;
import graphql.language.OperationDefinition;
import graphql.parser.InvalidSyntaxException;
import graphql.parser.Parser;
import java.text.ParseException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The body of a GraphQL-over-HTTP POST: {@code {"query": ..., "operationName": ..., "variables": {...}}}.
 *
 * @param query the document
 * @param operationName the operation to run, when the body names one
 * @param variables the variables (values may be {@code null})
 */
record GraphQLRequest(String query, Optional<String> operationName, Map<String, Object> variables) {

    GraphQLRequest {
        variables = Collections.unmodifiableMap(new LinkedHashMap<>(variables));
    }

    /**
     * Reads a request body; empty unless it is a JSON object with a string {@code query}, an optional
     * string {@code operationName} and an optional object {@code variables}.
     */
    static Optional<GraphQLRequest> parse(String body) {
        Map<String, Object> json;
        try {
            json = JSONObjectUtils.parse(body);
        } catch (ParseException e) {
            return Optional.empty();
        }
        if (!(json.get("query") instanceof String query)) {
            return Optional.empty();
        }
        Object name = json.get("operationName");
        Object variables = json.get("variables");
        if ((name != null && !(name instanceof String)) || (variables != null && !(variables instanceof Map))) {
            return Optional.empty();
        }
        Map<String, Object> variableValues = new LinkedHashMap<>();
        if (variables != null) {
            ((Map<?, ?>) variables).forEach((key, value) -> variableValues.put(String.valueOf(key), value));
        }
        return Optional.of(new GraphQLRequest(
                query, Optional.ofNullable((String) name).filter(text -> !text.isEmpty()), variableValues));
    }

    /**
     * The name of the operation this request runs: the body's {@code operationName}, else the name of
     * the document's only operation; empty if neither gives one or the body is not readable.
     */
    static Optional<String> operationNameIn(String body) {
        return parse(body).flatMap(GraphQLRequest::effectiveOperationName);
    }

    /** The body's {@code operationName}, else the name of the document's only operation. */
    Optional<String> effectiveOperationName() {
        if (operationName.isPresent()) {
            return operationName;
        }
        try {
            Document document = Parser.parse(query);
            List<OperationDefinition> operations = document.getDefinitionsOfType(OperationDefinition.class);
            return operations.size() == 1 ? Optional.ofNullable(operations.get(0).getName()) : Optional.empty();
        } catch (InvalidSyntaxException e) {
            return Optional.empty();
        }
    }
}
