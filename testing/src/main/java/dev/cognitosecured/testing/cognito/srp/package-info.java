/**
 * The server side of Cognito's variant of SRP-6a, for the local Cognito's {@code USER_SRP_AUTH}:
 * {@link dev.cognitosecured.testing.cognito.srp.SrpVerifier} is what a user pool stores instead of a
 * password, {@link dev.cognitosecured.testing.cognito.srp.SrpServer} answers {@code SRP_A} with a
 * {@link dev.cognitosecured.testing.cognito.srp.SrpChallenge} and checks the
 * {@code PASSWORD_VERIFIER} answer to it. Written from the protocol (RFC 2945, RFC 5054, RFC 5869)
 * and the published facts of Cognito's variant, so that any Cognito client signs in against it.
 */
package dev.cognitosecured.testing.cognito.srp;
