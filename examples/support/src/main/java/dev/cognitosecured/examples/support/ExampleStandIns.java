package dev.cognitosecured.examples.support;

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
 * The stand-ins both server examples run against, in the test's JVM on loopback: LocalCognito with a pool whose
 * users may have SMS MFA, and a LocalGraphQL serving the example's schema (the test resource
 * {@code example/todo.graphqls}) whose {@code listTodos} answers with the to-dos of the user whose token the request
 * carried, so a caller's answer tells whose token went out. How the application is pointed at them is the
 * server's own.
 */
public final class ExampleStandIns {

    private ExampleStandIns() {
    }

    /**
     * Starts both on 127.0.0.1 (dynamic ports).
     *
     * @param clock the stand-ins' time
     * @param client the app client's settings
     * @return the stand-ins, which the caller closes
     */
    public static LocalStandIns start(InstantSource clock, ClientSettings client) {
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

    private static String resource(String name) {
        try (InputStream in = ExampleStandIns.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("no resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
