/**
 * The client side of Cognito's variant of SRP-6a, for the {@code USER_SRP_AUTH} flow.
 *
 * <p>{@link dev.cognitosecured.runtime.internal.cognito.srp.SrpClient} makes {@code SRP_A} for
 * {@code InitiateAuth} and answers the {@code PASSWORD_VERIFIER} challenge with the
 * {@code PASSWORD_CLAIM_SIGNATURE}, over the {@code TIMESTAMP} that
 * {@link dev.cognitosecured.runtime.internal.cognito.srp.SrpTimestamp} writes. Written from the
 * protocol (RFC 2945, RFC 5054, RFC 5869) and the facts of Cognito's variant:
 * <ul>
 *   <li>the 3072-bit group of RFC 5054 (the prime of RFC 3526 group 15) with g = 2, and SHA-256;</li>
 *   <li>an integer is hashed as its shortest two's-complement big-endian bytes, that is its hex
 *       digits with a {@code 00} byte in front when the top bit is set;</li>
 *   <li>{@code k = H(N | g)}, {@code u = H(A | B)},
 *       {@code x = H(salt | H(poolName | userId | ":" | password))};</li>
 *   <li>the key is HKDF-SHA256 of {@code S} salted with {@code u}, info "Caldera Derived Key",
 *       16 bytes; the signature is HMAC-SHA256 of
 *       {@code poolName | userId | secret block | timestamp} under that key.</li>
 * </ul>
 */
package dev.cognitosecured.runtime.internal.cognito.srp;
