package dev.cognitosecured.runtime.internal.cognito;

import dev.cognitosecured.runtime.spi.Challenge;
import dev.cognitosecured.runtime.spi.SignInResponse;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthenticationResultType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InitiateAuthResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.NewDeviceMetadataType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.RespondToAuthChallengeResponse;

/**
 * Reads what Cognito answered a sign-in step with ({@code InitiateAuth}, {@code RespondToAuthChallenge}):
 * the tokens, or the next challenge with the {@code USERNAME} to answer it as.
 */
final class ChallengeResponses {

    /** The parameter that holds {@code AvailableChallenges} of {@code SELECT_CHALLENGE}, a JSON array of names. */
    static final String AVAILABLE_CHALLENGES = "AVAILABLE_CHALLENGES";

    private ChallengeResponses() {}

    /**
     * The answer to {@code InitiateAuth}.
     *
     * @param username the name the user signed in with, used when Cognito names none
     */
    static SignInResponse of(InitiateAuthResponse response, String username) {
        Map<String, String> parameters = response.challengeParameters();
        if (response.hasAvailableChallenges() && !response.availableChallenges().isEmpty()) {
            // SELECT_CHALLENGE names its choices outside ChallengeParameters; the step reads them from there.
            parameters = new HashMap<>(parameters);
            parameters.put(AVAILABLE_CHALLENGES, response.availableChallengesAsStrings().stream()
                    .map(name -> '"' + name.replace("\\", "\\\\").replace("\"", "\\\"") + '"')
                    .collect(Collectors.joining(",", "[", "]")));
        }
        return of(response.authenticationResult(), response.challengeNameAsString(), parameters,
                response.session(), username);
    }

    /**
     * The answer to {@code RespondToAuthChallenge}.
     *
     * @param username the {@code USERNAME} the answer carried, used when Cognito names none
     */
    static SignInResponse of(RespondToAuthChallengeResponse response, String username) {
        return of(response.authenticationResult(), response.challengeNameAsString(), response.challengeParameters(),
                response.session(), username);
    }

    private static SignInResponse of(AuthenticationResultType result, String challengeName,
            Map<String, String> parameters, String session, String username) {
        if (result != null) {
            NewDeviceMetadataType device = result.newDeviceMetadata();
            Optional<SignInResponse.NewDevice> newDevice = device == null || isEmpty(device.deviceKey())
                    || isEmpty(device.deviceGroupKey()) ? Optional.empty()
                    : Optional.of(new SignInResponse.NewDevice(device.deviceKey(), device.deviceGroupKey()));
            return new SignInResponse.Authenticated(IssuedTokens.from(result), newDevice);
        }
        if (challengeName == null || challengeName.isEmpty()) {
            throw new MalformedTokenException("the answer holds neither an AuthenticationResult nor a ChallengeName");
        }
        if (session == null || session.isEmpty()) {
            throw new MalformedTokenException("the answer holds the challenge " + challengeName + " without a Session");
        }
        return new SignInResponse.Challenged(Challenge.of(challengeName, parameters, answeringAs(parameters, username),
                session));
    }

    private static boolean isEmpty(String text) {
        return text == null || text.isEmpty();
    }

    /**
     * The {@code USERNAME} to answer a challenge as: Cognito's own name for the user
     * ({@code USER_ID_FOR_SRP}, else {@code USERNAME}), which is what {@code SECRET_HASH} must be computed
     * with when the user signed in with an alias.
     */
    static String answeringAs(Map<String, String> parameters, String fallback) {
        String id = parameters.get("USER_ID_FOR_SRP");
        if (id != null && !id.isEmpty()) {
            return id;
        }
        String named = parameters.get("USERNAME");
        return named != null && !named.isEmpty() ? named : fallback;
    }
}
