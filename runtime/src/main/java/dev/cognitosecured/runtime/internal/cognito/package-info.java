/**
 * The Cognito side of the runtime: the default {@link dev.cognitosecured.runtime.spi.IdentityProvider}
 * on the AWS SDK v2 ({@link dev.cognitosecured.runtime.internal.cognito.CognitoIdentityProvider}),
 * and the password-only sign-in flow ({@link dev.cognitosecured.runtime.internal.cognito.PasswordSignIn}).
 */
package dev.cognitosecured.runtime.internal.cognito;
