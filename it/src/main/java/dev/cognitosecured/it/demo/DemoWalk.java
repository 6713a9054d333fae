package dev.cognitosecured.it.demo;

import dev.cognitosecured.annotations.AuthFlow;
import dev.cognitosecured.runtime.Devices;
import dev.cognitosecured.runtime.Mfa;
import dev.cognitosecured.runtime.MfaPreference;
import dev.cognitosecured.runtime.MfaType;
import dev.cognitosecured.runtime.SignIn;
import dev.cognitosecured.runtime.SignInStep;
import dev.cognitosecured.runtime.SignUp;
import dev.cognitosecured.runtime.SignUpStep;
import dev.cognitosecured.testing.cognito.AppClient;
import dev.cognitosecured.testing.cognito.DeviceTracking;
import dev.cognitosecured.testing.cognito.LocalCognito;
import dev.cognitosecured.testing.cognito.ManualClock;
import dev.cognitosecured.testing.cognito.MfaConfiguration;
import dev.cognitosecured.testing.cognito.MfaFactor;
import dev.cognitosecured.testing.cognito.PoolSettings;
import dev.cognitosecured.testing.cognito.Totp;
import dev.cognitosecured.testing.cognito.UserPool;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.inject.Inject;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.UUID;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;

/**
 * The account walk of the demo ({@code --walk}): against a LocalCognito whose pool offers authenticator apps as an
 * optional second factor and remembers devices when the user says so, a new user signs up, confirms with the
 * e-mailed code, signs in, sets up an authenticator app, signs out, signs in with the app's code, remembers the
 * device, and signs in again without the second factor. Each step prints what the user would see; no password,
 * code, key or token is printed. LocalCognito runs on a manual clock started at now, moved on 30 s between two
 * uses of the app (a code serves once), so the walk takes no waiting.
 */
public final class DemoWalk {

    static final String USERNAME = "maria";
    private static final String PASSWORD = "Walk-Passw0rd-" + UUID.randomUUID();

    private DemoWalk() {
    }

    /** The beans the walk uses, as a page of the application would inject them (dependent: no proxy to its fields). */
    @Dependent
    static class AccountPages {
        @Inject @AuthFlow SignUp signUp;
        @Inject @AuthFlow SignIn signIn;
        @Inject @AuthFlow Mfa mfa;
        @Inject @AuthFlow Devices devices;
    }

    /**
     * Runs the walk, printing to {@code out}.
     *
     * @return {@link DemoMain#OK}, or {@link DemoMain#NOT_STARTED} if a step did not lead where it should
     */
    public static int run(PrintStream out) {
        ManualClock clock = ManualClock.at(Instant.now());
        PoolSettings settings = PoolSettings.defaults()
                .withMfa(MfaConfiguration.OPTIONAL, MfaFactor.SOFTWARE_TOKEN_MFA)
                .withDeviceTracking(DeviceTracking.userOptIn());
        try (LocalCognito cognito = LocalCognito.builder().clock(clock).start();
                SystemProperties properties = new SystemProperties()) {
            UserPool pool = cognito.createPool(settings);
            AppClient client = cognito.createClient(pool, false);
            properties.clear("cognito-secured.client-secret").setAll(Map.of(
                    "cognito-secured.region", "us-east-1",
                    "cognito-secured.user-pool-id", pool.id(),
                    "cognito-secured.client-id", client.clientId(),
                    "cognito-secured.endpoint", cognito.endpoint().toString()));
            out.println("cognito-secured demo, account walk: LocalCognito " + cognito.endpoint() + ", user pool "
                    + pool.id() + " (authenticator apps as optional second factor; devices remembered when the"
                    + " user says so)");
            Weld weld = new Weld("cognito-secured-walk-" + UUID.randomUUID()).disableDiscovery()
                    .addBeanClasses(AccountPages.class);
            ServiceLoader.load(Extension.class).forEach(weld::addExtension);
            try (WeldContainer container = weld.initialize()) {
                return walk(container.select(AccountPages.class).get(), cognito, pool, clock, out);
            }
        }
    }

    private static int walk(AccountPages pages, LocalCognito cognito, UserPool pool, ManualClock clock,
            PrintStream out) {
        out.println("sign-up of " + USERNAME + " (password not shown)");
        SignUpStep signedUp = pages.signUp.signUp(USERNAME, PASSWORD.toCharArray(),
                Map.of("email", USERNAME + "@example.com"));
        out.println("  -> " + signedUp.kind());
        String code = cognito.outbox().last(pool, USERNAME).orElseThrow().code();
        out.println("  typing in the e-mailed code");
        out.println("  -> " + pages.signUp.confirmSignUp(code).kind());

        out.println("sign-in");
        out.println("  -> " + pages.signIn.start(USERNAME, PASSWORD.toCharArray()).kind()
                + (pages.devices.thisDevice().isPresent() ? " (this device is known to Cognito now)" : ""));

        out.println("authenticator app set-up: the key is shown to the user as a QR code (not here)");
        String key = new String(pages.mfa.setUpTotp().sharedSecret());
        pages.mfa.verifyTotp(Totp.code(key, clock.instant()), "Demo phone");
        pages.mfa.updatePreference(Map.of(MfaType.TOTP, MfaPreference.PREFERRED));
        out.println("  -> second factors " + pages.mfa.preference().enabled() + ", preferred "
                + pages.mfa.preference().preferred().map(Enum::name).orElse("none"));
        pages.signIn.signOut();
        out.println("signed out");
        clock.advance(Duration.ofSeconds(30));

        out.println("sign-in");
        SignInStep step = pages.signIn.start(USERNAME, PASSWORD.toCharArray());
        out.println("  -> " + step.kind());
        out.println("  typing in the app's code");
        SignInStep done = pages.signIn.confirm(Totp.code(key, clock.instant()));
        out.println("  -> " + done.kind());
        pages.devices.rememberThisDevice();
        out.println("this device remembered, at the user's word");
        pages.signIn.signOut();
        out.println("signed out");
        clock.advance(Duration.ofSeconds(30));

        out.println("sign-in");
        SignInStep again = pages.signIn.start(USERNAME, PASSWORD.toCharArray());
        out.println("  -> " + again.kind() + (again.isDone() ? " without the second factor: the device proved itself" : ""));
        long totp = cognito.challengeResponseCount("SOFTWARE_TOKEN_MFA");
        long deviceProofs = cognito.challengeResponseCount("DEVICE_PASSWORD_VERIFIER");
        out.println("walk: sign_ups=1 sign_ins=3 second_factor_codes=" + totp + " device_proofs=" + deviceProofs);
        pages.signIn.signOut();
        boolean asExpected = signedUp.kind() == SignUpStep.Kind.CONFIRM_SIGN_UP
                && step.kind() == SignInStep.Kind.CONFIRM_SIGN_IN_WITH_TOTP_CODE && done.isDone() && again.isDone()
                && totp == 1 && deviceProofs == 2;
        return asExpected ? DemoMain.OK : DemoMain.NOT_STARTED;
    }
}
