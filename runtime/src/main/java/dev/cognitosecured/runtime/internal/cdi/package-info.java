/**
 * The portable CDI extension: registers the generated clients listed in the client index and adds,
 * for each user pool in use, the synthetic beans {@code @AuthFlow(pool) SessionStore},
 * {@code SignIn} and {@code SecuredCaller}.
 */
package dev.cognitosecured.runtime.internal.cdi;
