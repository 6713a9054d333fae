package dev.cognitosecured.testing.graphql;

import java.time.Duration;
import java.util.Objects;

/**
 * Something going wrong with a request, injected with {@link LocalGraphQL#injectFault(GraphQLFault, int)}: the
 * GraphQL server's counterpart of LocalCognito's {@code Fault}. A request a fault replaces is recorded with
 * {@link ReceivedRequest.Outcome#FAULT_INJECTED} and the status sent (0 when nothing was sent); one a fault
 * delays or cuts short is recorded as it was answered. A refused connection is not a fault of one request:
 * see {@link LocalGraphQL#refuseConnections()}.
 */
public sealed interface GraphQLFault
        permits GraphQLFault.HttpError, GraphQLFault.Silent, GraphQLFault.Delay, GraphQLFault.ResetMidResponse {

    /**
     * HTTP 500 with an AppSync-style JSON body ({@code InternalFailureException}).
     *
     * @return the fault
     */
    static GraphQLFault serverError() {
        return new HttpError(500, "application/json; charset=UTF-8",
                "{\"errors\":[{\"errorType\":\"InternalFailureException\","
                        + "\"message\":\"An internal failure occurred while processing the request.\"}]}");
    }

    /**
     * HTTP 502 {@code {"message":"Bad Gateway"}}, as a gateway in front of the API answers.
     *
     * @return the fault
     */
    static GraphQLFault badGateway() {
        return new HttpError(502, "application/json", "{\"message\":\"Bad Gateway\"}");
    }

    /**
     * HTTP 503 {@code {"message":"Service Unavailable"}}.
     *
     * @return the fault
     */
    static GraphQLFault serviceUnavailable() {
        return new HttpError(503, "application/json", "{\"message\":\"Service Unavailable\"}");
    }

    /**
     * HTTP 504 {@code {"message":"Endpoint request timed out"}}, as API Gateway answers.
     *
     * @return the fault
     */
    static GraphQLFault gatewayTimeout() {
        return new HttpError(504, "application/json", "{\"message\":\"Endpoint request timed out\"}");
    }

    /**
     * HTTP {@code status} with a {@code text/html} error page, as a load balancer or a proxy sends: not
     * GraphQL, not JSON.
     *
     * @param status the HTTP status, 100 to 599
     * @return the fault
     */
    static GraphQLFault htmlErrorPage(int status) {
        String title = status + " Error";
        return new HttpError(status, "text/html; charset=UTF-8", "<!DOCTYPE html>\n<html><head><title>" + title
                + "</title></head><body><center><h1>" + title + "</h1></center><hr><center>proxy</center>"
                + "</body></html>\n");
    }

    /**
     * Accepts the request and never answers: the connection stays open and silent until LocalGraphQL
     * {@linkplain LocalGraphQL#close() closes}. The client must time out.
     *
     * @return the fault
     */
    static GraphQLFault silent() {
        return new Silent();
    }

    /**
     * Answers normally after waiting {@code duration} of real time (the server waits, never the test).
     *
     * @param duration how long to wait; not negative
     * @return the fault
     */
    static GraphQLFault delay(Duration duration) {
        return new Delay(duration);
    }

    /**
     * Executes the request, then sends the status, the headers (with the whole body's {@code Content-Length})
     * and half of the body, and closes the connection, as when a connection is reset mid-response.
     *
     * @return the fault
     */
    static GraphQLFault resetMidResponse() {
        return new ResetMidResponse();
    }

    /**
     * An answer that replaces the request's: see {@link #serverError()}, {@link #htmlErrorPage(int)}.
     *
     * @param status the HTTP status
     * @param contentType the {@code Content-Type} header
     * @param body the body
     */
    record HttpError(int status, String contentType, String body) implements GraphQLFault {
        /**
         * An answer.
         *
         * @param status the HTTP status, 100 to 599
         * @param contentType the {@code Content-Type} header
         * @param body the body
         * @throws IllegalArgumentException if {@code status} is not between 100 and 599
         */
        public HttpError {
            if (status < 100 || status > 599) {
                throw new IllegalArgumentException("not an HTTP status: " + status);
            }
            Objects.requireNonNull(contentType, "contentType");
            Objects.requireNonNull(body, "body");
        }
    }

    /** See {@link GraphQLFault#silent()}. */
    record Silent() implements GraphQLFault {}

    /**
     * See {@link GraphQLFault#delay(Duration)}.
     *
     * @param duration how long to wait
     */
    record Delay(Duration duration) implements GraphQLFault {
        /**
         * A delay.
         *
         * @param duration how long to wait
         * @throws IllegalArgumentException if {@code duration} is negative
         */
        public Delay {
            Objects.requireNonNull(duration, "duration");
            if (duration.isNegative()) {
                throw new IllegalArgumentException("a delay cannot be negative: " + duration);
            }
        }
    }

    /** See {@link GraphQLFault#resetMidResponse()}. */
    record ResetMidResponse() implements GraphQLFault {}
}
