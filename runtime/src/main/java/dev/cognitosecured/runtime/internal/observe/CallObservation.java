package dev.cognitosecured.runtime.internal.observe;

/**
 * One call, as a {@code SecuredCaller} tells it: whether it waited for tokens, its replays after an
 * HTTP 401, and how it ended. Every method does nothing by default.
 *
 * <p>A call's context (e.g. its tracing span) is current on the calling thread from
 * {@link CallObserver#callStarted} until {@link #leave()}, which the calling thread calls once, when it
 * returns (a blocking call) or when it has set up the stage (an asynchronous call); a thread that goes
 * on with the call later (completing a stage) makes it current with {@link #resume()}.
 */
public interface CallObservation {

    /** Observes nothing. */
    CallObservation NONE = new CallObservation() {
    };

    /** The call waited {@code nanos} for a refresh (its tokens were not at hand, the refresh did not answer at once). */
    default void waitedForTokens(long nanos) {
    }

    /** An attempt was rejected with HTTP 401 and the call replays it with other tokens. */
    default void replaying() {
    }

    /** The call's context made current on this thread until the scope is closed. */
    default Scope resume() {
        return Scope.NONE;
    }

    /** The calling thread leaves the call: the context made current at its start is closed. */
    default void leave() {
    }

    /** The call ended: with its result if {@code failure} is {@code null}, else with {@code failure}. */
    default void ended(Throwable failure) {
    }

    /** A call's context made current on a thread, until closed. */
    @FunctionalInterface
    interface Scope extends AutoCloseable {

        /** A scope that changed nothing. */
        Scope NONE = () -> { };

        @Override
        void close();
    }
}
