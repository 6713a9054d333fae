package dev.cognitosecured.examples.helidon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cognitosecured.examples.support.Browser;
import dev.cognitosecured.testing.LocalStandIns;
import dev.cognitosecured.testing.graphql.VerifiedCaller;
import io.helidon.microprofile.testing.AddBean;
import io.helidon.microprofile.testing.AddConfigSource;
import io.helidon.microprofile.testing.AfterStop;
import io.helidon.microprofile.testing.junit5.HelidonTest;
import jakarta.inject.Inject;
import jakarta.ws.rs.client.WebTarget;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.junit.jupiter.api.Test;

/**
 * Helidon serves the requests of one keep-alive connection on one thread, and a proxy in front of it may carry
 * many users' requests on one connection: a request must never find the session of the one before it, even when
 * that one failed with an exception that no mapper maps. (Helidon 4.4 closes a connection after such a failure,
 * and Jersey's default exception mapper still runs the response filters; {@link HttpSessionFilter} does not count
 * on either.)
 */
@HelidonTest
@AddBean(FailingResource.class)
class SessionIsolationTest {

    private static LocalStandIns standIns;

    @AddConfigSource
    static ConfigSource standIns() {
        standIns = StandIns.start(InstantSource.system());
        return StandIns.configSource(standIns);
    }

    @AfterStop
    static void stopStandIns() {
        standIns.close();
    }

    @Inject
    WebTarget server;

    @Test
    void aFailedRequestLeavesNoSessionBehindOnItsConnection() throws IOException, InterruptedException {
        standIns.cognito().createUser(standIns.pool(), "erin", "Corr3ct-horse");
        Browser erin = new Browser(server.getUri());
        assertEquals(200, erin.post("signin", Map.of("username", "erin", "password", "Corr3ct-horse")).status());
        String cookie = HttpSessionFilter.COOKIE + "=" + erin.cookies().get(HttpSessionFilter.COOKIE);

        // one HTTP/1.1 client, one connection: erin's failing request, then a stranger's requests on it
        HttpClient proxy = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        for (int i = 0; i < 3; i++) {
            HttpResponse<String> failed = proxy.send(request("fail").header("Cookie", cookie).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(500, failed.statusCode(), failed.body());
            HttpResponse<String> stranger = proxy.send(request("todos").build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(401, stranger.statusCode(), "the stranger got erin's session: " + stranger.body());
            assertTrue(stranger.body().contains("SignInRequiredException"), stranger.body());
        }
        assertEquals(200, erin.get("todos").status()); // and erin's session is still there
        assertEquals(List.of("erin"), standIns.graphQL().orElseThrow().requests().stream()
                .map(r -> r.caller().map(VerifiedCaller::username).orElse("?")).toList()); // none for the stranger
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(server.getUri().resolve(path)).timeout(Duration.ofSeconds(30));
    }
}
