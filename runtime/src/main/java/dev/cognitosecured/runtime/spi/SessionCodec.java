package dev.cognitosecured.runtime.spi;

/**
 * Turns the serialized form of a session (its tokens, or a sign-in challenge with its session) into the
 * bytes that the container writes when it passivates or replicates the HTTP session, and back.
 *
 * <p>Those bytes are the user's secrets: whoever reads them can call the API as the user until the
 * refresh token expires. The default, {@link #plain()}, writes them as they are, which is right only
 * where the session store of the server (its disk, its data grid) is as well protected as the
 * server's memory. To encrypt them, declare a CDI bean of this type (qualified {@code @AuthFlow("pool")}
 * for one pool, or unqualified for all), for example AES-GCM with a key every node of the cluster shares.
 *
 * <p>{@link #decode} of what another node's {@link #encode} wrote must give back the same bytes; when it
 * cannot (a wrong key, tampered bytes), it throws, and the session is restored signed out: the user signs
 * in again. Neither method may log or keep what it is given.
 */
public interface SessionCodec {

    /**
     * Turns the serialized session into the bytes the container stores, e.g. by encrypting them.
     *
     * @param plain the serialized session, which holds the user's tokens
     * @return the bytes to store for {@code plain}
     */
    byte[] encode(byte[] plain);

    /**
     * The serialized session that {@link #encode} turned into {@code encoded}.
     *
     * @param encoded the bytes the container stored
     * @return the serialized session, as {@link #encode} was given it
     *
     * @throws RuntimeException if {@code encoded} cannot be read back; the session is then restored signed out
     */
    byte[] decode(byte[] encoded);

    /** {@return the default: the bytes as they are, unencrypted} */
    static SessionCodec plain() {
        return PlainSessionCodec.INSTANCE;
    }
}
