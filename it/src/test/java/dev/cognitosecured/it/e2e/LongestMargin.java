package dev.cognitosecured.it.e2e;

import dev.cognitosecured.runtime.client.CallMargin;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * The longest margin a pool learned while a scenario ran, looked at after each call: what bounds how
 * early tokens were refreshed ({@link TokenTiming#withLearnedMargin}).
 */
public final class LongestMargin {

    private final CallMargin margin;
    private final AtomicLong longest = new AtomicLong();

    public LongestMargin(CallMargin margin) {
        this.margin = Objects.requireNonNull(margin, "margin");
    }

    /** Runs {@code call}, then looks at the margin. */
    public void after(Runnable call) {
        try {
            call.run();
        } finally {
            longest.accumulateAndGet(margin.learned().toNanos(), Math::max);
        }
    }

    /** Issues {@code call} (an asynchronous one), then looks at the margin. */
    public <T> T afterIssuing(Supplier<T> call) {
        try {
            return call.get();
        } finally {
            longest.accumulateAndGet(margin.learned().toNanos(), Math::max);
        }
    }

    public Duration longest() {
        return Duration.ofNanos(longest.get());
    }
}
