package dev.cognitosecured.runtime.internal.realtime;

/**
 * Why a connection could not be opened or was lost; internal: what a subscriber sees is a
 * {@link dev.cognitosecured.runtime.SubscriptionGapException} or the session's end. The message names
 * no token (the connect URI, which carries one, is never in it).
 */
final class RealtimeFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    RealtimeFailure(String message, Throwable cause) {
        super(message, cause, false, false);
    }
}
