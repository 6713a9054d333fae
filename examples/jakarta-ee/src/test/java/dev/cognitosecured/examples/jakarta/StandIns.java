package dev.cognitosecured.examples.jakarta;

import dev.cognitosecured.examples.support.ExampleStandIns;
import dev.cognitosecured.testing.LocalStandIns;
import dev.cognitosecured.testing.cognito.ClientSettings;
import java.time.InstantSource;
import java.util.Map;

/**
 * The stand-ins the example runs against ({@link ExampleStandIns}, shared with the Helidon example), and the
 * system properties that point Payara Micro at them.
 */
final class StandIns {

    private StandIns() {
    }

    /** Starts both on 127.0.0.1 (dynamic ports), on {@code clock}, the app client as {@code client} says. */
    static LocalStandIns start(InstantSource clock, ClientSettings client) {
        return ExampleStandIns.start(clock, client);
    }

    /** The {@code cognito-secured.*} keys that point the application at {@code standIns}: system properties of the server. */
    static Map<String, String> configuration(LocalStandIns standIns) {
        return standIns.properties().asMap();
    }
}
