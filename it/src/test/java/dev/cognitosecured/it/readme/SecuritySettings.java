package dev.cognitosecured.it.readme;

import dev.cognitosecured.annotations.AuthFlow;
import dev.cognitosecured.runtime.Device;
import dev.cognitosecured.runtime.Devices;
import dev.cognitosecured.runtime.Mfa;
import dev.cognitosecured.runtime.MfaPreference;
import dev.cognitosecured.runtime.MfaType;
import dev.cognitosecured.runtime.TotpSetupDetails;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;

/** README.md's "Second factors and remembered devices" sample: the signed-in user's security settings page. */
@RequestScoped
public class SecuritySettings {

    @Inject @AuthFlow Mfa mfa;
    @Inject @AuthFlow Devices devices;

    /** Step 1: a new key for the user's authenticator app, shown as a QR code (it holds the key: never log it). */
    public String startAppSetUp() {
        TotpSetupDetails app = mfa.setUpTotp();
        return app.setupUri();
    }

    /** Step 2: the app's first code; from then on the app is the preferred second factor. */
    public void finishAppSetUp(String code) {
        mfa.verifyTotp(code, "Authenticator app");               // WrongAnswerException: ask again
        mfa.updatePreference(Map.of(MfaType.TOTP, MfaPreference.PREFERRED));
    }

    /** After a sign-in, on a pool that remembers a device only when the user says so. */
    public void rememberThisDevice() {
        devices.rememberThisDevice();                            // the next sign-in skips the second factor
    }

    /** The devices Cognito tracks for the user; forgetting one makes it sign in as a new device. */
    public List<Device> devices() {
        return devices.list();
    }
}
