/**
 * A JUnit 5 extension for the test kit: {@link dev.cognitosecured.testing.junit.CognitoTestKit} runs a
 * LocalCognito and a LocalGraphQL for a test class, gives each test a fresh user pool and app client, and
 * resolves them (and the clock, and the {@link dev.cognitosecured.testing.CognitoSecuredProperties} that
 * point an application at them) as test method parameters.
 */
package dev.cognitosecured.testing.junit;
