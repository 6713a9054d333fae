package dev.cognitosecured.runtime.internal.store;

import dev.cognitosecured.runtime.spi.Tokens;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/** A store with a fake ticker, a fake identity provider and recorded events. */
final class StoreFixture {

    static final Duration HOUR = Duration.ofHours(1);
    static final Duration ONE_SECOND = Duration.ofSeconds(1);
    static final String POOL = "default";

    /** An arbitrary first reading: only differences between readings mean anything. */
    static final long START = -7_123_456_789_000L;

    final FakeTicker ticker;
    final FakeIdentityProvider provider = new FakeIdentityProvider();
    final RecordedEvents events = new RecordedEvents();
    final DefaultSessionStore store;

    StoreFixture(Duration prefetch) {
        this(prefetch, START);
    }

    StoreFixture(Duration prefetch, long start) {
        ticker = new FakeTicker(start);
        store = new DefaultSessionStore(POOL, provider, ticker, prefetch, events);
    }

    /** Signs in with {@code tokens}, answered at once. */
    Tokens signIn(Tokens tokens) {
        return store.signIn(() -> CompletableFuture.completedFuture(tokens));
    }

    /** The ticker reading at which tokens requested at {@code sentAt} with {@code lifetime} expire locally. */
    static long localExpiry(long sentAt, Duration lifetime) {
        return sentAt + lifetime.minus(ONE_SECOND).toNanos();
    }
}
