package dev.cognitosecured.runtime.internal.account;

import dev.cognitosecured.runtime.ChallengeInProgressException;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * Lets one request of a flow go to Cognito at a time: a second caller while the first waits for its answer
 * is refused with {@link ChallengeInProgressException}, before anything is sent. Lock-free.
 */
final class OneRequestAtATime {

    private final AtomicBoolean busy = new AtomicBoolean();
    private final String flow;

    /** @param flow the flow, as messages name it, e.g. {@code "SignUp"} */
    OneRequestAtATime(String flow) {
        this.flow = Objects.requireNonNull(flow, "flow");
    }

    /** Runs {@code request} if no other runs now. */
    <T> T run(Supplier<T> request) {
        if (!busy.compareAndSet(false, true)) {
            throw new ChallengeInProgressException("A request of " + flow + " is already on its way to Cognito;"
                    + " sending a second now could spend the same code twice. Wait for the first one's result.");
        }
        try {
            return request.get();
        } finally {
            busy.set(false);
        }
    }
}
