package dev.cognitosecured.examples.jakarta;

import static dev.cognitosecured.examples.support.Answers.assertAnswer;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.cognitosecured.examples.support.Browser;
import dev.cognitosecured.testing.LocalStandIns;
import dev.cognitosecured.testing.cognito.Action;
import dev.cognitosecured.testing.cognito.ClientSettings;
import dev.cognitosecured.testing.cognito.ManualClock;
import dev.cognitosecured.testing.cognito.MfaFactor;
import dev.cognitosecured.testing.cognito.NewUser;
import dev.cognitosecured.testing.graphql.LocalGraphQL;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Issue 13 §3: Payara Micro with session persistence on ({@code WEB-INF/glassfish-web.xml}: {@code
 * persistence-type="file"}, in a directory that outlives the server) writes its HTTP sessions out when it stops
 * and reads them back when it starts again. A signed-in session and one halfway through a chain of challenges
 * survive the restart: the first calls on with its tokens, no new sign-in; the second is finished with the SMS
 * code Cognito sent before the restart.
 */
@Timeout(value = 6, unit = TimeUnit.MINUTES)
class SessionsSurviveRestartIT {

    private static final ManualClock CLOCK = ManualClock.at(Instant.now().truncatedTo(ChronoUnit.SECONDS));

    /** What a deployer adds to the WAR to keep its sessions in files across restarts. */
    static String fileSessionsDescriptor(Path directory) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <!DOCTYPE glassfish-web-app PUBLIC "-//GlassFish.org//DTD GlassFish Application Server 3.1 Servlet 3.0//EN"
                  "http://glassfish.org/dtds/glassfish-web-app_3_0-1.dtd">
                <glassfish-web-app>
                  <session-config>
                    <session-manager persistence-type="file">
                      <store-properties>
                        <property name="directory" value="%s"/>
                      </store-properties>
                    </session-manager>
                  </session-config>
                </glassfish-web-app>
                """.formatted(directory.toAbsolutePath());
    }

    @Test
    void aSignedInSessionAndOneHalfwayThroughItsChallengesSurviveARestart() throws IOException {
        Path work = Path.of(System.getProperty("payara.work"));
        Path sessions = Files.createDirectories(work.resolve("restart-sessions"));
        try (Stream<Path> old = Files.list(sessions)) {
            old.forEach(PathDeleter::delete);
        }
        Path war = Wars.withEntries(work.resolve("restart.war"), Map.of("WEB-INF/glassfish-web.xml",
                fileSessionsDescriptor(sessions).getBytes(StandardCharsets.UTF_8)));

        try (LocalStandIns standIns = StandIns.start(CLOCK, ClientSettings.defaults())) {
            standIns.cognito().createUser(standIns.pool(), "erin", "Corr3ct-horse");
            standIns.cognito().createUser(standIns.pool(), NewUser.withTemporaryPassword("frank", "Temp-0rary-pass")
                    .attribute("phone_number", "+12065559876").withMfa(MfaFactor.SMS_MFA));
            PayaraMicro.Builder server = PayaraMicro.named("restart").war(war).properties(StandIns.configuration(standIns));
            Browser erin;
            Browser frank;
            try (PayaraMicro before = server.start()) {
                erin = new Browser(before.uri());
                frank = new Browser(before.uri());
                assertAnswer(200, "{\"codeSentTo\":\"\",\"step\":\"DONE\"}",
                        erin.post("signin", Map.of("username", "erin", "password", "Corr3ct-horse")));
                assertAnswer(200, "[{\"done\":false,\"id\":\"erin-1\",\"title\":\"Water erin's plants\"}]",
                        erin.get("todos"));
                assertAnswer(200, "{\"codeSentTo\":\"\",\"step\":\"CONFIRM_SIGN_IN_WITH_NEW_PASSWORD_REQUIRED\"}",
                        frank.post("signin", Map.of("username", "frank", "password", "Temp-0rary-pass")));
                assertAnswer(200, "{\"codeSentTo\":\"+*******9876\",\"step\":\"CONFIRM_SIGN_IN_WITH_SMS_CODE\"}",
                        frank.post("signin/answer", Map.of("answer", "N3w-password!")));
            }
            long sessionFiles;
            try (Stream<Path> files = Files.list(sessions)) {
                sessionFiles = files.count();
            }
            assertEquals(2, sessionFiles, "the server wrote both sessions out when it stopped");
            long signInsBefore = standIns.cognito().requestCount(Action.INITIATE_AUTH);
            String code = standIns.cognito().lastCode(standIns.pool(), "frank").orElseThrow();

            try (PayaraMicro after = server.start()) {
                erin = erin.at(after.uri());
                frank = frank.at(after.uri());
                assertAnswer(200, "[{\"done\":false,\"id\":\"erin-1\",\"title\":\"Water erin's plants\"}]",
                        erin.get("todos"));
                assertAnswer(200, "{\"codeSentTo\":\"\",\"step\":\"DONE\"}", frank.post("signin/answer", Map.of("answer", code)));
                assertAnswer(200, "[{\"done\":false,\"id\":\"frank-1\",\"title\":\"Water frank's plants\"}]",
                        frank.get("todos"));
            }

            LocalGraphQL graphQL = standIns.graphQL().orElseThrow();
            assertEquals(signInsBefore, standIns.cognito().requestCount(Action.INITIATE_AUTH), "nobody signed in again");
            assertEquals(2, standIns.cognito().initiateAuthCount("USER_SRP_AUTH"));
            assertEquals(1, Tokens.distinctOf(graphQL, "erin"), "erin called with the same token before and after");
            assertEquals(0, graphQL.unauthorizedCount());
            assertEquals(0, standIns.refreshRequests());
        }
    }

    /** Deletes a file the last run left. */
    private static final class PathDeleter {
        static void delete(Path file) {
            try {
                Files.delete(file);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
