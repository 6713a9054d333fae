/**
 * Scenarios 1, 3 and 5 of the end-to-end suite against cognito-local, the independent Cognito emulator
 * (installed by the build's {@code npm ci}, run by {@link dev.cognitosecured.it.cognitolocal.CognitoLocalExtension}).
 */
package dev.cognitosecured.it.e2e.cognitolocal;
