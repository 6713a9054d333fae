package dev.cognitosecured.it.demo;

import dev.cognitosecured.runtime.UnauthorizedException;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** What the application's callers saw: calls made, and the exceptions that reached them. Thread-safe. */
public final class CallCounts {

    private final LongAdder calls = new LongAdder();
    private final LongAdder unauthorized = new LongAdder();
    private final Map<String, LongAdder> otherFailures = new ConcurrentHashMap<>();
    private final Map<String, String> firstMessages = new ConcurrentHashMap<>();

    /** A call returned its result. */
    public void succeeded() {
        calls.increment();
    }

    /** A call threw {@code failure}. */
    public void failed(RuntimeException failure) {
        calls.increment();
        if (failure instanceof UnauthorizedException) {
            unauthorized.increment();
        } else {
            String type = failure.getClass().getSimpleName();
            otherFailures.computeIfAbsent(type, name -> new LongAdder()).increment();
            firstMessages.putIfAbsent(type, String.valueOf(failure.getMessage()));
        }
    }

    /** Calls made, whatever their outcome. */
    public long calls() {
        return calls.sum();
    }

    /** Calls that ended in {@link UnauthorizedException}. */
    public long unauthorizedSurfaced() {
        return unauthorized.sum();
    }

    /** Calls that ended in another exception. */
    public long otherFailures() {
        return otherFailures.values().stream().mapToLong(LongAdder::sum).sum();
    }

    /**
     * The other failures by exception type, with the first message of each (the library's messages
     * never hold a token), e.g. {@code GraphQLErrorsException=3 (first: ...)}; empty if none.
     */
    public Optional<String> describeOtherFailures() {
        if (otherFailures.isEmpty()) {
            return Optional.empty();
        }
        Map<String, String> described = new TreeMap<>();
        otherFailures.forEach((type, count) -> described.put(type,
                count.sum() + " (first: " + firstMessages.get(type) + ")"));
        StringBuilder text = new StringBuilder();
        described.forEach((type, what) -> text.append(text.length() == 0 ? "" : ", ").append(type).append('=')
                .append(what));
        return Optional.of(text.toString());
    }
}
