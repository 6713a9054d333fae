package dev.cognitosecured.runtime.event;

import java.time.Duration;
import java.time.Instant;

/**
 * CDI event: a subscription whose connection was lost (dropped, or ended by the server) is carried by a
 * new connection within {@code graphql.subscription-gap-limit}, and its subscriber goes on receiving
 * events. Events the server published during the gap are lost (AppSync keeps none): read what changed
 * meanwhile with a query. A gap longer than the limit ends the subscription with
 * {@code SubscriptionGapException} instead, and fires no event.
 *
 * @param pool the pool's name
 * @param operation the subscription's operation name (e.g. {@code TodoEvents.onAddTodo})
 * @param gap how long no connection carried the subscription, on the pool's clock
 * @param at when it was carried again
 */
public record SubscriptionResumed(String pool, String operation, Duration gap, Instant at) {
}
