package dev.cognitosecured.testing.junit;

import dev.cognitosecured.testing.CognitoSecuredProperties;
import dev.cognitosecured.testing.cognito.AppClient;
import dev.cognitosecured.testing.cognito.UserPool;

/** What one test gets of its own: a fresh user pool, an app client of it, and the configuration naming both. */
record TestStandIns(UserPool pool, AppClient client, CognitoSecuredProperties properties) {
}
