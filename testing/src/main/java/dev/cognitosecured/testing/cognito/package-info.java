/**
 * A strict local Amazon Cognito user pool for tests: {@link dev.cognitosecured.testing.cognito.LocalCognito}.
 *
 * <p>It speaks the Cognito Identity Provider JSON 1.1 protocol over HTTP on loopback, so the real AWS SDK
 * client talks to it through {@code endpointOverride}, and it keeps the rules real Cognito keeps (single-use,
 * expiring challenge sessions, {@code SECRET_HASH}, refresh-token rotation and revocation), answering with
 * the error types and messages real Cognito uses. Time comes from an injectable clock ({@link
 * dev.cognitosecured.testing.cognito.ManualClock}), so tests never sleep.
 *
 * <pre>{@code
 * ManualClock clock = ManualClock.at(Instant.parse("2026-01-01T00:00:00Z"));
 * try (LocalCognito cognito = LocalCognito.builder().clock(clock).start()) {
 *     UserPool pool = cognito.createPool();
 *     AppClient app = cognito.createClient(pool, ClientSettings.defaults().withSecret());
 *     cognito.createUser(pool, NewUser.withPassword("alice", "Corr3ct-horse"));
 *     CognitoIdentityProviderClient sdk = CognitoIdentityProviderClient.builder()
 *             .endpointOverride(cognito.endpoint()) ... .build();
 *     // sign in with the SDK, then clock.advance(Duration.ofHours(1)) to let the tokens expire
 * }
 * }</pre>
 */
package dev.cognitosecured.testing.cognito;
