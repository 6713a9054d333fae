package dev.cognitosecured.testing.cognito.internal;

import jakarta.json.JsonObject;

/** Answers one Cognito action. Called with {@link CognitoService}'s lock held. */
@FunctionalInterface
interface ActionHandler {

    /**
     * The answer to {@code request}.
     *
     * @throws CognitoException for an error answer
     */
    JsonObject handle(Request request);
}
