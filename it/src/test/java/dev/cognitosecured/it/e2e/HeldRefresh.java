package dev.cognitosecured.it.e2e;

import dev.cognitosecured.testing.cognito.RequestGate;
import java.util.concurrent.CompletableFuture;

/**
 * A refresh request held on its way to Cognito until the test releases it, so that every caller of a
 * storm meets the same refresh in flight.
 */
public interface HeldRefresh {

    /** Completes when the first refresh request is being held. */
    CompletableFuture<?> arrived();

    /** Lets the held request, and every later one, through. */
    void release();

    /** A refresh held at LocalCognito's {@code gate} (injected as {@code Fault.holdAt(gate)}). */
    static HeldRefresh at(RequestGate gate) {
        return new HeldRefresh() {
            @Override
            public CompletableFuture<?> arrived() {
                return gate.arrivals(1);
            }

            @Override
            public void release() {
                gate.open();
            }
        };
    }
}
