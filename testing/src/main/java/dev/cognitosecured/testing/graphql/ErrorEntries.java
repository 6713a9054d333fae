package dev.cognitosecured.testing.graphql;

import graphql.ErrorClassification;
import graphql.GraphQLError;
import graphql.language.SourceLocation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes the entries of a response's {@code errors}. Errors that AppSync or a resolver raise take
 * AppSync's shape: {@code {"path", "data": null, "errorType", "errorInfo": null, "locations",
 * "message"}}. Errors of graphql-java itself (validation, syntax, a data fetcher's exception) keep
 * the GraphQL specification's shape, with {@code extensions.classification}, and carry the same
 * classification as {@code errorType} as well.
 */
final class ErrorEntries {

    private ErrorEntries() {
    }

    /** The single entry of a response that AppSync answers before executing anything. */
    static Map<String, Object> of(String errorType, String message) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("errorType", errorType);
        entry.put("message", message);
        return entry;
    }

    static List<Map<String, Object>> of(List<GraphQLError> errors) {
        List<Map<String, Object>> entries = new ArrayList<>(errors.size());
        for (GraphQLError error : errors) {
            entries.add(entry(error));
        }
        return entries;
    }

    private static Map<String, Object> entry(GraphQLError error) {
        ErrorClassification classification = error.getErrorType();
        if (classification instanceof AppSyncErrorType appSync) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("path", error.getPath());
            entry.put("data", null);
            entry.put("errorType", appSync.name());
            entry.put("errorInfo", null);
            entry.put("locations", locations(error.getLocations()));
            entry.put("message", error.getMessage());
            return entry;
        }
        Map<String, Object> entry = new LinkedHashMap<>(error.toSpecification());
        if (classification != null && classification.toSpecification(error) instanceof String type) {
            entry.putIfAbsent("errorType", type);
        }
        return entry;
    }

    private static List<Map<String, Object>> locations(List<SourceLocation> locations) {
        List<Map<String, Object>> written = new ArrayList<>();
        if (locations != null) {
            for (SourceLocation location : locations) {
                Map<String, Object> entry = new LinkedHashMap<>();
                entry.put("line", location.getLine());
                entry.put("column", location.getColumn());
                entry.put("sourceName", location.getSourceName());
                written.add(entry);
            }
        }
        return written;
    }
}
