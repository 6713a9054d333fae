package dev.cognitosecured.examples.helidon;

import dev.cognitosecured.testing.LocalStandIns;
import dev.cognitosecured.testing.cognito.MfaFactor;
import dev.cognitosecured.testing.cognito.NewUser;
import io.helidon.microprofile.cdi.Main;
import io.helidon.microprofile.server.ServerCdiExtension;
import jakarta.enterprise.inject.spi.CDI;
import java.time.InstantSource;
import java.util.Optional;

/**
 * The example against the stand-ins, for a person with {@code curl}: {@code mvn -Pdemo} in this module (README,
 * "Helidon MP"). Starts LocalCognito and LocalGraphQL in real time with two users, points the application at them
 * through system properties (MicroProfile Config ordinal 400, above {@code microprofile-config.properties}), starts
 * Helidon, and prints the requests to try and each code LocalCognito "sends". Ctrl-C stops it all.
 */
public final class DemoMain {

    private DemoMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        LocalStandIns standIns = StandIns.start(InstantSource.system());
        Runtime.getRuntime().addShutdownHook(new Thread(standIns::close, "stand-ins-stop"));
        standIns.cognito().createUser(standIns.pool(), "alice", "Corr3ct-horse");
        standIns.cognito().createUser(standIns.pool(), NewUser.withTemporaryPassword("bob", "Temp-0rary-pass")
                .attribute("phone_number", "+12065551234").withMfa(MfaFactor.SMS_MFA));
        standIns.properties().asMap().forEach(System::setProperty);

        Main.main(args);
        int port = CDI.current().getBeanManager().getExtension(ServerCdiExtension.class).port();
        String base = "http://127.0.0.1:" + port;
        System.out.printf("""

                The example runs on %1$s against %2$s. Try (each user's cookie jar is their HTTP session):
                  curl -c alice.txt -b alice.txt -d username=alice -d password=Corr3ct-horse %1$s/signin
                  curl -c alice.txt -b alice.txt %1$s/todos
                  curl -c bob.txt -b bob.txt -d username=bob -d password=Temp-0rary-pass %1$s/signin
                  curl -c bob.txt -b bob.txt -d answer=N3w-password! %1$s/signin/answer
                  curl -c bob.txt -b bob.txt -d answer=<the code shown below> %1$s/signin/answer
                  curl -c bob.txt -b bob.txt %1$s/todos
                  curl -c alice.txt -b alice.txt -X POST %1$s/signout
                Ctrl-C stops the server and the stand-ins.

                """, base, standIns);
        showCodes(standIns);
    }

    /** Prints each SMS code LocalCognito "sends" to bob, as a phone would show it. */
    private static void showCodes(LocalStandIns standIns) throws InterruptedException {
        Optional<String> shown = Optional.empty();
        while (true) {
            Optional<String> code = standIns.cognito().lastCode(standIns.pool(), "bob");
            if (code.isPresent() && !code.equals(shown)) {
                System.out.println("LocalCognito sent bob the SMS code " + code.get());
                shown = code;
            }
            Thread.sleep(250);
        }
    }
}
