/** The session store: the tokens of one principal, refreshed once per expiry. Not an API. */
package dev.cognitosecured.runtime.internal.store;
