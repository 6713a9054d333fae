/**
 * The Cognito side of the runtime: the default {@link dev.cognitosecured.runtime.spi.IdentityProvider}
 * on the AWS SDK v2 ({@link dev.cognitosecured.runtime.internal.cognito.CognitoIdentityProvider}, with
 * SRP in {@code srp}), and the sign-in flow with chained challenges
 * ({@link dev.cognitosecured.runtime.internal.cognito.CognitoSignIn}).
 */
package dev.cognitosecured.runtime.internal.cognito;
