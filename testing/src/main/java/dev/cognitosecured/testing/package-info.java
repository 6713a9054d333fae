/**
 * The test kit's stand-ins started by hand, for a program or a test framework other than JUnit 5: {@link
 * dev.cognitosecured.testing.LocalStandIns} runs a LocalCognito with a user pool and an app client and, given a
 * schema, a LocalGraphQL that trusts the pool, both on one clock. In JUnit 5, {@link
 * dev.cognitosecured.testing.junit.CognitoTestKit} starts and closes them for a test class.
 */
package dev.cognitosecured.testing;
