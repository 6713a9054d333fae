package dev.cognitosecured.examples.jakarta;

import dev.cognitosecured.testing.LocalStandIns;
import dev.cognitosecured.testing.cognito.ClientSettings;
import dev.cognitosecured.testing.cognito.MfaConfiguration;
import dev.cognitosecured.testing.cognito.MfaFactor;
import dev.cognitosecured.testing.cognito.PoolSettings;
import dev.cognitosecured.testing.graphql.VerifiedCaller;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;

/**
 * The stand-ins the example runs against, in the test's JVM on loopback: LocalCognito with a pool whose users may
 * have SMS MFA, and a LocalGraphQL whose {@code listTodos} answers with the to-dos of the user whose token the
 * request carried, so a caller's answer tells whose token went out.
 */
final class StandIns {

    private StandIns() {
    }

    /** Starts both on 127.0.0.1 (dynamic ports), on {@code clock}, the app client as {@code client} says. */
    static LocalStandIns start(InstantSource clock, ClientSettings client) {
        return LocalStandIns.builder()
                .clock(clock)
                .pool(PoolSettings.defaults().withMfa(MfaConfiguration.OPTIONAL, MfaFactor.SMS_MFA))
                .client(client)
                .schema(resource("example/todo.graphqls"))
                .graphQL(graphQL -> graphQL.dataFetcher("Query", "listTodos", env -> {
                    String user = VerifiedCaller.of(env).username();
                    return List.of(Map.of("id", user + "-1", "title", "Water " + user + "'s plants", "done", false));
                }))
                .start();
    }

    /** The {@code cognito-secured.*} keys that point the application at {@code standIns}: system properties of the server. */
    static Map<String, String> configuration(LocalStandIns standIns) {
        return standIns.properties().asMap();
    }

    private static String resource(String name) {
        try (InputStream in = StandIns.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("no resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
