/**
 * The user's account around sign-in: sign-up, password reset, and what a signed-in user does with an
 * access token (attributes, password change, verification codes, sign-out everywhere, deleting the user).
 * {@link dev.cognitosecured.runtime.internal.account.CognitoCalls} bounds and maps every such call;
 * {@link dev.cognitosecured.runtime.internal.account.SignedInCalls} adds a fresh access token from the
 * pool's session store.
 */
package dev.cognitosecured.runtime.internal.account;
