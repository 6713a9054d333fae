/**
 * What an application or a test may replace: how tokens are obtained ({@link
 * dev.cognitosecured.runtime.spi.IdentityProvider}), how operations are sent ({@link
 * dev.cognitosecured.runtime.spi.GraphQLTransport}) and the clock expiry is judged on ({@link
 * dev.cognitosecured.runtime.spi.Ticker}).
 */
package dev.cognitosecured.runtime.spi;
