package dev.cognitosecured.examples.jakarta;

import dev.cognitosecured.runtime.ChallengeExpiredException;
import dev.cognitosecured.runtime.ChallengeInProgressException;
import dev.cognitosecured.runtime.CognitoSecuredException;
import dev.cognitosecured.runtime.SignInRequiredException;
import dev.cognitosecured.runtime.WrongAnswerException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Map;

/**
 * The library's exceptions as HTTP answers: who must sign in gets 401, a wrong answer 400, a challenge that
 * expired or is being answered 409, a failure of Cognito or of the GraphQL API 502. Their messages name no
 * secret, so the answer carries them.
 */
@Provider
public class ErrorAnswers implements ExceptionMapper<CognitoSecuredException> {

    @Override
    public Response toResponse(CognitoSecuredException exception) {
        int status = 502;
        if (exception instanceof SignInRequiredException) {
            status = 401;
        } else if (exception instanceof WrongAnswerException) {
            status = 400;
        } else if (exception instanceof ChallengeExpiredException || exception instanceof ChallengeInProgressException) {
            status = 409;
        }
        return Response.status(status)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(Map.of("error", exception.getClass().getSimpleName(), "message", exception.getMessage()))
                .build();
    }
}
