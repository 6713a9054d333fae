package dev.cognitosecured.runtime.client;

import dev.cognitosecured.annotations.CognitoSecured.TokenKind;
import dev.cognitosecured.runtime.SessionStore;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Flow;

/**
 * Where a {@link SecuredCaller} gets the publishers of its subscriptions: a pool's real-time
 * connections, which the CDI extension makes (one per principal and token kind). An application does
 * not implement it; it injects {@code @AuthFlow SecuredCaller} or a generated client.
 */
public interface SubscriptionPublishers {

    /**
     * A publisher of {@code operation}'s events for the principal of {@code store}; the subscription starts
     * when it is subscribed to.
     *
     * @param <T> the type of one event
     * @param store the principal's store, whose tokens the connection and each {@code start} carry
     * @param kind the token the operation's policy sends
     * @param operation the subscription
     * @param variables its variables by name
     * @param need how long the connection's token must stay valid (the policy's margin)
     * @return a publisher for one subscriber
     */
    <T> Flow.Publisher<T> publisher(SessionStore store, TokenKind kind, Operation<T> operation,
            Map<String, Object> variables, Duration need);
}
