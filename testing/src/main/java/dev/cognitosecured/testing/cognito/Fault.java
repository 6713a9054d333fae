package dev.cognitosecured.testing.cognito;

import java.time.Duration;
import java.util.Objects;

/**
 * Something going wrong with a request, injected with {@link LocalCognito#injectFault(Action, Fault, int)}.
 * Through the AWS SDK (with retries off) they surface as: {@link #throttling()} → {@code
 * TooManyRequestsException}; {@link #serverError()} → {@code InternalErrorException} (HTTP 500); {@link
 * #closeConnection()} → {@code SdkClientException} (an I/O error); {@link #delay(Duration)} and {@link
 * #holdAt(RequestGate)} → the normal answer, later.
 */
public sealed interface Fault
        permits Fault.Delay, Fault.Throttling, Fault.ServerError, Fault.CloseConnection, Fault.Hold {

    /** Answers normally after waiting {@code duration} of real time (the server waits, never the test). */
    static Fault delay(Duration duration) {
        return new Delay(duration);
    }

    /** Answers HTTP 400 {@code TooManyRequestsException} "Rate exceeded", as Cognito's throttling does. */
    static Fault throttling() {
        return new Throttling();
    }

    /** Answers HTTP 500 {@code InternalErrorException}. */
    static Fault serverError() {
        return new ServerError();
    }

    /** Closes the connection without answering. */
    static Fault closeConnection() {
        return new CloseConnection();
    }

    /**
     * Holds the request until {@code gate} {@link RequestGate#open() opens}, then answers normally; a test can
     * wait for the request to {@link RequestGate#arrivals(int) arrive} first. Closing LocalCognito releases
     * held requests by closing their connections.
     */
    static Fault holdAt(RequestGate gate) {
        return new Hold(gate);
    }

    /** See {@link Fault#delay(Duration)}. */
    record Delay(Duration duration) implements Fault {
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

    /** See {@link Fault#holdAt(RequestGate)}. */
    record Hold(RequestGate gate) implements Fault {
        public Hold {
            Objects.requireNonNull(gate, "gate");
        }
    }
}
