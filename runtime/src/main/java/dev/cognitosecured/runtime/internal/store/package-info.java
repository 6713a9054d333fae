/**
 * The session store: the tokens of one principal, refreshed once per expiry. {@link
 * dev.cognitosecured.runtime.internal.store.DefaultSessionStore} drives the token state machine whose
 * states ({@code SignedOut}, {@code Active}, {@code Refreshing}) and transitions are listed in
 * {@code TokenState} and in {@code docs/ARCHITECTURE.md}. Sign-in challenges are not kept here: see
 * {@link dev.cognitosecured.runtime.internal.signin}. Not an API.
 */
package dev.cognitosecured.runtime.internal.store;
