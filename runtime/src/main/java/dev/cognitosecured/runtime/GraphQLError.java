package dev.cognitosecured.runtime;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One entry of a GraphQL response's {@code errors}.
 *
 * @param message the server's message
 * @param errorType AppSync's {@code errorType} (e.g. {@code Unauthorized}), or
 *     {@code extensions.classification} where a server uses that, or empty
 * @param path the path of the field that failed, names and list indexes, possibly empty
 * @param extensions the server's {@code extensions}, possibly empty
 */
public record GraphQLError(
        String message, Optional<String> errorType, List<Object> path, Map<String, Object> extensions) {

    /**
     * An error, its path and extensions copied.
     *
     * @param message the server's message
     * @param errorType AppSync's {@code errorType}, or {@code extensions.classification}, or empty
     * @param path the path of the field that failed, possibly empty
     * @param extensions the server's {@code extensions}, possibly empty
     */
    public GraphQLError {
        path = List.copyOf(path);
        extensions = Map.copyOf(extensions);
    }

    /** {@return whether the server denied access to a field (AppSync's {@code errorType: Unauthorized})} */
    public boolean isPermissionDenied() {
        return errorType.filter(type -> type.equals("Unauthorized")).isPresent();
    }
}
