/**
 * The state of one sign-in in progress: the challenge waiting for an answer, with Cognito's session,
 * and the one request of the sign-in allowed in flight. {@link
 * dev.cognitosecured.runtime.internal.signin.ChallengeSlot} is the state machine,
 * {@link dev.cognitosecured.runtime.internal.signin.ChallengeClaim} what the sign-in flow sends its
 * requests under. One slot belongs to each {@link dev.cognitosecured.runtime.SignIn} bean, in the same
 * scope as the {@link dev.cognitosecured.runtime.SessionStore} it signs in to. Not an API.
 */
package dev.cognitosecured.runtime.internal.signin;
