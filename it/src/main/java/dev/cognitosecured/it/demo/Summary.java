package dev.cognitosecured.it.demo;

/**
 * The demo's result, printed as its last line:
 * {@code summary: calls=<n> unauthorized_surfaced=<n> refreshes=<n> blocked_callers=<n> signins=<n> challenges=<n>}.
 *
 * @param calls calls the application's callers made
 * @param unauthorizedSurfaced calls that ended in {@code UnauthorizedException} at the caller
 * @param refreshes refresh requests (see {@link ObservedCounts#refreshes()})
 * @param blockedCallers calls that waited for a refresh (see {@link WaitingCallers})
 * @param signIns completed sign-ins
 * @param challenges sign-in challenges the user answered (Cognito accepted the answer)
 */
public record Summary(long calls, long unauthorizedSurfaced, long refreshes, long blockedCallers, long signIns,
        long challenges) {

    /** The summary line. */
    public String line() {
        return "summary: calls=" + calls + " unauthorized_surfaced=" + unauthorizedSurfaced + " refreshes=" + refreshes
                + " blocked_callers=" + blockedCallers + " signins=" + signIns + " challenges=" + challenges;
    }
}
