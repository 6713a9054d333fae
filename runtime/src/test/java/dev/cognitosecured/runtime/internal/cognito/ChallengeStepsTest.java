package dev.cognitosecured.runtime.internal.cognito;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.cognitosecured.runtime.TransportException;
import dev.cognitosecured.runtime.spi.Challenge;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ChallengeStepsTest {

    /**
     * A number whose exponent BigDecimal cannot hold, in a list parameter: NumberFormatException escaped the
     * reading of the challenge. Found when JwtClaimsFuzzTest found the same in the JWT reading (seed input
     * {@code huge-exponent} of {@link SignInChallengeFuzzTest}).
     */
    @Test
    void aListParameterWithANumberWhoseExponentDoesNotFitCannotBeRead() {
        Challenge challenge = Challenge.of("NEW_PASSWORD_REQUIRED", Map.of("requiredAttributes", "[1e99999999999]"),
                "alice", "session");

        TransportException e = assertThrows(TransportException.class, () -> ChallengeSteps.of(challenge));

        assertEquals("Cognito's challenge NEW_PASSWORD_REQUIRED could not be read: its parameter requiredAttributes is"
                + " not a JSON array of strings. Start the sign-in again.", e.getMessage());
    }
}
