/**
 * What an application or a test may replace: how tokens are obtained ({@link
 * dev.cognitosecured.runtime.spi.IdentityProvider}, with the values it exchanges: {@link
 * dev.cognitosecured.runtime.spi.Tokens}, {@link dev.cognitosecured.runtime.spi.SignInResponse},
 * {@link dev.cognitosecured.runtime.spi.Challenge}, {@link
 * dev.cognitosecured.runtime.spi.SoftwareTokenAssociation}), how operations are sent ({@link
 * dev.cognitosecured.runtime.spi.GraphQLTransport}, with what it sends: {@link
 * dev.cognitosecured.runtime.spi.GraphQLOperation}), the clock expiry is judged on ({@link
 * dev.cognitosecured.runtime.spi.Ticker}) and how a passivated or replicated session's tokens are encoded
 * ({@link dev.cognitosecured.runtime.spi.SessionCodec}).
 *
 * <p>The SPI depends on the API and the JDK only; the clients' package ({@code client}) depends on it.
 *
 * <p>To replace one, declare a CDI bean of that type, qualified {@code @AuthFlow("pool")} for one
 * pool or unqualified for all of them.
 */
package dev.cognitosecured.runtime.spi;
