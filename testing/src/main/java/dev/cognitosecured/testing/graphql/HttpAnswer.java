package dev.cognitosecured.testing.graphql;

import graphql.ExecutionResult;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One answer of {@link LocalGraphQL}, in AppSync's wire format.
 *
 * @param status the HTTP status
 * @param errorType the {@code x-amzn-ErrorType} header, when AppSync sends one
 * @param body the JSON body
 */
record HttpAnswer(int status, Optional<String> errorType, String body) {

    static final String TOKEN_EXPIRED = "Token has expired.";
    static final String NO_VALID_TOKEN = "Valid authorization header not provided.";

    /** HTTP 401 for a valid token whose {@code exp} has passed. */
    static HttpAnswer tokenExpired() {
        return unauthorized(TOKEN_EXPIRED);
    }

    /** HTTP 401 for a missing, malformed, badly signed or otherwise unacceptable token. */
    static HttpAnswer tokenInvalid() {
        return unauthorized(NO_VALID_TOKEN);
    }

    /** HTTP 400 for a body that is not a GraphQL request. */
    static HttpAnswer malformedRequest(String message) {
        return failure(400, "MalformedHttpRequestException", message);
    }

    /** HTTP 405 for anything but a POST. */
    static HttpAnswer methodNotAllowed(String method) {
        return failure(405, "MethodNotAllowedException", "Method " + method + " is not allowed; send a POST.");
    }

    /** HTTP 500 for a failure of the server or of its set-up. */
    static HttpAnswer internalFailure(String message) {
        return failure(500, "InternalFailureException", message);
    }

    /** HTTP 200 with the result of an executed operation, errors included. */
    static HttpAnswer executed(ExecutionResult result) {
        return new HttpAnswer(200, Optional.empty(), JsonWriter.write(bodyOf(result)));
    }

    /** The {@code data}, {@code errors} and {@code extensions} of an executed operation, as AppSync sends them. */
    static Map<String, Object> bodyOf(ExecutionResult result) {
        Map<String, Object> body = new LinkedHashMap<>();
        if (result.isDataPresent()) {
            body.put("data", result.getData());
        }
        if (!result.getErrors().isEmpty()) {
            body.put("errors", ErrorEntries.of(result.getErrors()));
        }
        if (result.getExtensions() != null && !result.getExtensions().isEmpty()) {
            body.put("extensions", result.getExtensions());
        }
        return body;
    }

    private static HttpAnswer unauthorized(String message) {
        return failure(401, "UnauthorizedException", message);
    }

    private static HttpAnswer failure(int status, String errorType, String message) {
        String body = JsonWriter.write(Map.of("errors", List.of(ErrorEntries.of(errorType, message))));
        return new HttpAnswer(status, Optional.of(errorType), body);
    }
}
