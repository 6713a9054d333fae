/**
 * The end-to-end suite: the application of {@code dev.cognitosecured.it.e2e.app}, booted in Weld SE with
 * the cognito-secured extension ({@link dev.cognitosecured.it.e2e.TodoApp}), against LocalCognito and
 * LocalGraphQL on one manual clock ({@link dev.cognitosecured.it.e2e.StandIns}, on the test kit's
 * {@link dev.cognitosecured.testing.LocalStandIns}), through the real AWS
 * SDK client, the real JAX-RS client and HTTP on loopback. Each scenario asserts on counts the
 * stand-ins record (requests per Cognito action, GraphQL requests by outcome and token) and prints
 * them as one {@code [e2e]} line.
 *
 * <ol>
 *   <li>expiry instant: {@link dev.cognitosecured.it.e2e.ExpiryInstantTest};</li>
 *   <li>client clock off: {@link dev.cognitosecured.it.e2e.ClientClockOffTest};</li>
 *   <li>refresh storm: {@link dev.cognitosecured.it.e2e.RefreshStormTest};</li>
 *   <li>rotation: {@link dev.cognitosecured.it.e2e.RotationTest};</li>
 *   <li>replay only on 401: {@link dev.cognitosecured.it.e2e.ReplayOnlyOn401Test};</li>
 *   <li>chained sign-in, then calls: {@link dev.cognitosecured.it.e2e.ChainedSignInThenCallsTest};</li>
 *   <li>many users in their own sessions: {@link dev.cognitosecured.it.e2e.ManyUsersTest};</li>
 *   <li>asynchronous calls: {@link dev.cognitosecured.it.e2e.AsyncCallsTest} (and, in session scope,
 *       {@link dev.cognitosecured.it.e2e.SessionScopedAsyncTest}).</li>
 * </ol>
 *
 * <p>Scenarios 1, 3 and 5 also run against cognito-local, in {@code dev.cognitosecured.it.e2e.cognitolocal}.
 *
 * <p>Time is the stand-ins' {@link dev.cognitosecured.testing.cognito.ManualClock}, which the application's
 * session store reads too ({@link dev.cognitosecured.it.e2e.ClientTicker}); workloads move it as calls
 * complete ({@link dev.cognitosecured.it.e2e.ContinuousCalls}) or between rounds
 * ({@link dev.cognitosecured.it.e2e.LockstepCalls}). Nothing sleeps; waits are on latches and futures.
 */
package dev.cognitosecured.it.e2e;
