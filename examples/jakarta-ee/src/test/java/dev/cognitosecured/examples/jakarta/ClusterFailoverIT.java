package dev.cognitosecured.examples.jakarta;

import static dev.cognitosecured.examples.support.Answers.assertAnswer;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.cognitosecured.examples.support.Browser;
import dev.cognitosecured.testing.LocalStandIns;
import dev.cognitosecured.testing.cognito.Action;
import dev.cognitosecured.testing.cognito.ClientSettings;
import dev.cognitosecured.testing.cognito.ManualClock;
import dev.cognitosecured.testing.graphql.LocalGraphQL;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Issue 13 §3: two Payara Micro instances clustered on loopback, their HTTP sessions replicated by Payara's
 * Hazelcast data grid (the WAR is {@code <distributable/>}). A user signs in on one node, whose tokens then expire
 * and are refreshed there with rotation (a new refresh token; the old one refused at once: no grace period); the
 * node stops, and the user goes on on the other: same session, no new sign-in, no expired token sent, and the next
 * refresh there succeeds, so the rotated refresh token reached it.
 *
 * <p>The WAR deployed here also carries {@link SealedSessions}, so what the grid holds of the session is sealed
 * with AES-GCM: the nodes share its key, and the failover shows they read each other's sealed tokens.
 *
 * <p>Time: the WAR deployed here carries {@link ShiftedClock} (the library's ticker and wall clock, shifted by
 * what a file says), so the test moves both servers' clocks and the stand-ins' together without waiting.
 */
@Timeout(value = 8, unit = TimeUnit.MINUTES)
class ClusterFailoverIT {

    private static final ManualClock CLOCK = ManualClock.at(Instant.now().truncatedTo(ChronoUnit.SECONDS));
    private static final String TODOS = "[{\"done\":false,\"id\":\"gina-1\",\"title\":\"Water gina's plants\"}]";

    @Test
    void aSessionSignedInOnOneNodeGoesOnOnTheOtherAfterARotationThere() throws IOException {
        Path work = Path.of(System.getProperty("payara.work"));
        Path shift = work.resolve("cluster-clock-shift");
        Files.deleteIfExists(shift);
        Map.Entry<String, byte[]> clock = Wars.classEntry(ShiftedClock.class);
        Map.Entry<String, byte[]> codec = Wars.classEntry(SealedSessions.class);
        Path war = Wars.withEntries(work.resolve("cluster.war"),
                Map.of(clock.getKey(), clock.getValue(), codec.getKey(), codec.getValue()));

        try (LocalStandIns standIns = StandIns.start(CLOCK, ClientSettings.defaults().withRefreshTokenRotation(Duration.ZERO))) {
            standIns.cognito().createUser(standIns.pool(), "gina", "Corr3ct-horse");
            Map<String, String> properties = new HashMap<>(StandIns.configuration(standIns));
            properties.put("cognito-secured.refresh", "GET_TOKENS_FROM_REFRESH_TOKEN");
            properties.put("example.clock.shift", shift.toAbsolutePath().toString());
            byte[] key = new byte[32];
            new SecureRandom().nextBytes(key);
            properties.put("example.session-key", Base64.getEncoder().encodeToString(key));
            int first = PayaraMicro.freePort();
            try (PayaraMicro a = PayaraMicro.named("node-a").war(war).properties(properties)
                            .clustered("todo-example", first, first).start();
                    PayaraMicro b = PayaraMicro.named("node-b").war(war).properties(properties)
                            .clustered("todo-example", PayaraMicro.freePort(), first).start()) {
                Browser gina = new Browser(a.uri());
                assertAnswer(200, "{\"codeSentTo\":\"\",\"step\":\"DONE\"}",
                        gina.post("signin", Map.of("username", "gina", "password", "Corr3ct-horse")));
                assertAnswer(200, TODOS, gina.get("todos"));

                advance(shift, Duration.ofHours(1)); // the tokens expire: node a refreshes them, with rotation
                assertAnswer(200, TODOS, gina.get("todos"));
                assertEquals(1, standIns.refreshRequests());

                a.stop();
                gina = gina.at(b.uri());
                assertAnswer(200, TODOS, gina.get("todos"));
                assertEquals(1, standIns.refreshRequests(), "node b had the refreshed tokens: nothing to refresh");

                advance(shift, Duration.ofHours(1)); // expired again: node b refreshes with the rotated refresh token
                assertAnswer(200, TODOS, gina.get("todos"));
                assertEquals(2, standIns.refreshRequests());

                LocalGraphQL graphQL = standIns.graphQL().orElseThrow();
                assertEquals(1, standIns.cognito().initiateAuthCount("USER_SRP_AUTH"), "one sign-in, on node a");
                assertEquals(0, standIns.cognito().requestCount(Action.RESPOND_TO_AUTH_CHALLENGE) - 1,
                        "SRP's one answer (PASSWORD_VERIFIER), no other");
                assertEquals(0, graphQL.unauthorizedCount(), () -> "no call carried an expired or rejected token: "
                        + graphQL.requests().stream().map(r -> r.outcome() + " " + r.rejection().orElse("")).toList());
                assertEquals(4, graphQL.requestCount("ListTodos"));
                assertEquals(3, Tokens.distinctOf(graphQL, "gina"), "the first tokens, node a's refresh, node b's");
            }
        }
    }

    /** Moves the stand-ins' clock and both servers' by {@code span}. */
    private static void advance(Path shift, Duration span) throws IOException {
        long now = Files.exists(shift) ? Long.parseLong(Files.readString(shift, StandardCharsets.US_ASCII).strip()) : 0;
        Files.writeString(shift, Long.toString(now + span.toNanos()), StandardCharsets.US_ASCII);
        CLOCK.advance(span);
    }
}
