package dev.cognitosecured.testing.cognito;

import java.time.Duration;
import java.util.Objects;

/**
 * Something going wrong with a request, injected with {@link LocalCognito#injectFault(Action, Fault, int)}.
 * Through the AWS SDK (with retries off) they surface as: {@link #throttling()} → {@code
 * TooManyRequestsException}; {@link #serverError()} → {@code InternalErrorException} (HTTP 500); {@link
 * #closeConnection()} → {@code SdkClientException} (an I/O error); {@link #serviceUnavailable()} → a
 * {@code CognitoIdentityProviderException} with HTTP 503; {@link #resetMidResponse()} → {@code
 * SdkClientException} (the connection ended inside the body); {@link #silent()} → nothing, until the client
 * gives up ({@code ApiCallAttemptTimeoutException}, {@code ApiCallTimeoutException}); {@link
 * #delay(Duration)} and {@link #holdAt(RequestGate)} → the normal answer, later. A refused connection is
 * not a fault of one request: see {@link LocalCognito#refuseConnections()}.
 */
public sealed interface Fault
        permits Fault.Delay, Fault.Throttling, Fault.ServerError, Fault.CloseConnection, Fault.Hold,
                Fault.Silent, Fault.ServiceUnavailable, Fault.ResetMidResponse {

    /**
     * Answers normally after waiting {@code duration} of real time (the server waits, never the test).
     *
     * @param duration how long to wait; not negative
     * @return the fault
     */
    static Fault delay(Duration duration) {
        return new Delay(duration);
    }

    /**
     * Answers HTTP 400 {@code TooManyRequestsException} "Rate exceeded", as Cognito's throttling does.
     *
     * @return the fault
     */
    static Fault throttling() {
        return new Throttling();
    }

    /**
     * Answers HTTP 500 {@code InternalErrorException}.
     *
     * @return the fault
     */
    static Fault serverError() {
        return new ServerError();
    }

    /**
     * Closes the connection without answering.
     *
     * @return the fault
     */
    static Fault closeConnection() {
        return new CloseConnection();
    }

    /**
     * Accepts the request and never answers: the connection stays open and silent until LocalCognito
     * {@linkplain LocalCognito#close() closes}, as a server that hangs does. The client must time out.
     *
     * @return the fault
     */
    static Fault silent() {
        return new Silent();
    }

    /**
     * Answers HTTP 503 {@code ServiceUnavailableException}, as Cognito (or a load balancer in front of it) does
     * when it cannot serve for a while.
     *
     * @return the fault
     */
    static Fault serviceUnavailable() {
        return new ServiceUnavailable();
    }

    /**
     * Handles the request, then sends the status, the headers (with the whole body's {@code Content-Length})
     * and half of the body, and closes the connection: the answer breaks off in the middle, as when a
     * connection is reset mid-response. The request has had its effect (a refresh token may be spent).
     *
     * @return the fault
     */
    static Fault resetMidResponse() {
        return new ResetMidResponse();
    }

    /**
     * Holds the request until {@code gate} {@link RequestGate#open() opens}, then answers normally; a test can
     * wait for the request to {@link RequestGate#arrivals(int) arrive} first. Closing LocalCognito releases
     * held requests by closing their connections.
     *
     * @param gate the gate that holds the request
     * @return the fault
     */
    static Fault holdAt(RequestGate gate) {
        return new Hold(gate);
    }

    /**
     * See {@link Fault#delay(Duration)}.
     *
     * @param duration how long to wait
     */
    record Delay(Duration duration) implements Fault {
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

    /** See {@link Fault#throttling()}. */
    record Throttling() implements Fault {}

    /** See {@link Fault#serverError()}. */
    record ServerError() implements Fault {}

    /** See {@link Fault#closeConnection()}. */
    record CloseConnection() implements Fault {}

    /** See {@link Fault#silent()}. */
    record Silent() implements Fault {}

    /** See {@link Fault#serviceUnavailable()}. */
    record ServiceUnavailable() implements Fault {}

    /** See {@link Fault#resetMidResponse()}. */
    record ResetMidResponse() implements Fault {}

    /**
     * See {@link Fault#holdAt(RequestGate)}.
     *
     * @param gate the gate that holds the request
     */
    record Hold(RequestGate gate) implements Fault {
        /**
         * A hold.
         *
         * @param gate the gate that holds the request
         */
        public Hold {
            Objects.requireNonNull(gate, "gate");
        }
    }
}
