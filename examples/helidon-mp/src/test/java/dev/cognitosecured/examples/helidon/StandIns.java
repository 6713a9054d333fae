package dev.cognitosecured.examples.helidon;

import dev.cognitosecured.examples.support.ExampleStandIns;
import dev.cognitosecured.testing.LocalStandIns;
import dev.cognitosecured.testing.cognito.ClientSettings;
import java.time.InstantSource;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * The stand-ins the example runs against ({@link ExampleStandIns}, shared with the Jakarta EE example), and the
 * config source that points Helidon at them.
 */
final class StandIns {

    private StandIns() {
    }

    /** Starts both on 127.0.0.1 (dynamic ports), on {@code clock}. */
    static LocalStandIns start(InstantSource clock) {
        return ExampleStandIns.start(clock, ClientSettings.defaults());
    }

    /**
     * The {@code cognito-secured.*} keys that point the application at {@code standIns}, as a MicroProfile config
     * source of ordinal 500: above {@code META-INF/microprofile-config.properties} (100), system properties (400)
     * and environment variables (300).
     */
    static ConfigSource configSource(LocalStandIns standIns) {
        Map<String, String> properties = standIns.properties().asMap();
        return new ConfigSource() {
            @Override
            public Set<String> getPropertyNames() {
                return properties.keySet();
            }

            @Override
            public String getValue(String propertyName) {
                return properties.get(propertyName);
            }

            @Override
            public String getName() {
                return "cognito-secured stand-ins";
            }

            @Override
            public int getOrdinal() {
                return 500;
            }
        };
    }
}
